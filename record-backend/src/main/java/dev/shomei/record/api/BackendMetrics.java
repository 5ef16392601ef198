package dev.shomei.record.api;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.db.DatabaseObserver;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The backend's Prometheus metrics ({@code /observe/metrics}). Labels are results and outcomes
 * (ISSUED or an error code, PRINTED / VOIDED) and connection pools: never a municipality's resident,
 * never a terminal.
 *
 * <p>Every meter is created here, when the backend starts, each labelled series at zero, and never
 * later on a request's thread: Helidon 4.5's Micrometer-backed registries deadlock when two of them
 * in one JVM create meters at the same moment (each holds its own lock and waits, through
 * Micrometer's, for the other's). Two backends in one test JVM, each creating its connection-pool
 * timer on its first request, hung CI that way (ShardedBackendsIT, two requests at once).
 */
public final class BackendMetrics implements DatabaseObserver {
    /** Published per backend (quantiles over a sliding window; not summable across backends: sum the counts). */
    private static final double[] MEDIAN_AND_TAIL = {0.5, 0.99};

    private final MeterRegistry registry;
    private final Timer issueLatency;
    private final Timer outcomeLatency;
    private final Counter timeoutVoids;
    private final Timer writeQueueWait;
    private final DistributionSummary writeGroupSize;
    private final Counter issuedRequests;
    private final Map<ErrorCode, Counter> refusedRequests = new EnumMap<>(ErrorCode.class);
    private final Map<IssuanceStatus, Counter> outcomes = new EnumMap<>(IssuanceStatus.class);
    private final Map<String, Timer> connectionWaits = new HashMap<>();
    private final Map<String, Timer> connectionHolds = new HashMap<>();

    /** @param pools the database's connection pools ({@link dev.shomei.record.db.Database#poolNames}) */
    public BackendMetrics(MeterRegistry registry, Collection<String> pools) {
        this.registry = registry;
        this.issueLatency = registry.getOrCreate(Timer.builder("shomei_backend_issue_latency")
                .description("Time to answer an issue request").percentiles(MEDIAN_AND_TAIL));
        this.outcomeLatency = registry.getOrCreate(Timer.builder("shomei_backend_outcome_latency")
                .description("Time to record a PRINTED or VOIDED report (its commit included)").percentiles(MEDIAN_AND_TAIL));
        this.timeoutVoids = registry.getOrCreate(Counter.builder("shomei_backend_timeout_voids")
                .description("Issuances voided because no PRINTED/VOIDED report came in time"));
        this.writeQueueWait = registry.getOrCreate(Timer.builder("shomei_backend_db_write_queue_wait")
                .description("Time a SQLite write queued for the one writer before its group's transaction began")
                .percentiles(MEDIAN_AND_TAIL));
        this.writeGroupSize = registry.getOrCreate(DistributionSummary.builder("shomei_backend_db_write_group_size")
                .description("Writes made durable by one SQLite commit"));
        this.issuedRequests = issueRequests("ISSUED");
        for (ErrorCode code : ErrorCode.values()) {
            refusedRequests.put(code, issueRequests(code.name()));
        }
        for (IssuanceStatus status : IssuanceStatus.values()) {
            outcomes.put(status, registry.getOrCreate(Counter.builder("shomei_backend_outcomes")
                    .description("Status reports by status").tags(List.of(Tag.create("status", status.name())))));
        }
        for (String pool : pools) {
            connectionWaits.put(pool, poolTimer("shomei_backend_db_connection_wait", "Time waited for a database connection", pool));
            connectionHolds.put(pool, poolTimer("shomei_backend_db_connection_held",
                    "Time a database connection was in use (whole milliseconds)", pool));
        }
    }

    private Counter issueRequests(String result) {
        return registry.getOrCreate(Counter.builder("shomei_backend_issue_requests")
                .description("Issue requests by result (ISSUED or the error code)").tags(List.of(Tag.create("result", result))));
    }

    private Timer poolTimer(String name, String description, String pool) {
        return registry.getOrCreate(Timer.builder(name).description(description)
                .tags(List.of(Tag.create("pool", pool))).percentiles(MEDIAN_AND_TAIL));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** An issue request answered with an issuance. */
    public void issued(Duration latency) {
        issuedRequests.increment();
        issueLatency.record(latency);
    }

    /** An issue request refused with {@code code}. */
    public void refused(ErrorCode code, Duration latency) {
        refusedRequests.get(code).increment();
        issueLatency.record(latency);
    }

    /** A status report answered, with the status the issuance has after it. */
    public void outcome(IssuanceStatus status, Duration latency) {
        outcomes.get(status).increment();
        outcomeLatency.record(latency);
    }

    @Override
    public void connectionWaited(String pool, Duration wait) {
        Timer timer = connectionWaits.get(pool);
        if (timer != null) { // every pool the database has is known from the start
            timer.record(wait);
        }
    }

    @Override
    public void connectionHeld(String pool, Duration held) {
        Timer timer = connectionHolds.get(pool);
        if (timer != null) {
            timer.record(held);
        }
    }

    @Override
    public void writeQueued(Duration queued) {
        writeQueueWait.record(queued);
    }

    @Override
    public void groupCommitted(int writes) {
        writeGroupSize.record(writes);
    }

    public void timeoutVoids(int count) {
        timeoutVoids.increment(count);
    }
}
