package dev.shomei.record.api;

import dev.shomei.record.db.DatabaseObserver;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backend's Prometheus metrics ({@code /observe/metrics}). Labels are results and outcomes
 * (ISSUED or an error code, PRINTED / VOIDED) and connection pools: never a municipality's resident,
 * never a terminal.
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
    private final Map<String, Counter> issueResults = new ConcurrentHashMap<>();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Timer> connectionWaits = new ConcurrentHashMap<>();
    private final Map<String, Timer> connectionHolds = new ConcurrentHashMap<>();

    public BackendMetrics(MeterRegistry registry) {
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
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** An issue request answered: ISSUED or the refusal's error code. */
    public void issued(String result, Duration latency) {
        issueResults.computeIfAbsent(result, r -> registry.getOrCreate(Counter.builder("shomei_backend_issue_requests")
                .description("Issue requests by result (ISSUED or the error code)")
                .tags(List.of(Tag.create("result", r))))).increment();
        issueLatency.record(latency);
    }

    /** A status report recorded: PRINTED or VOIDED. */
    public void outcome(String status, Duration latency) {
        outcomes.computeIfAbsent(status, s -> registry.getOrCreate(Counter.builder("shomei_backend_outcomes")
                .description("Status reports by status")
                .tags(List.of(Tag.create("status", s))))).increment();
        outcomeLatency.record(latency);
    }

    @Override
    public void connectionWaited(String pool, Duration wait) {
        connectionWaits.computeIfAbsent(pool, p -> poolTimer("shomei_backend_db_connection_wait",
                "Time waited for a database connection", p))
                .record(wait);
    }

    @Override
    public void connectionHeld(String pool, Duration held) {
        connectionHolds.computeIfAbsent(pool, p -> poolTimer("shomei_backend_db_connection_held",
                "Time a database connection was in use (whole milliseconds)", p)).record(held);
    }

    @Override
    public void writeQueued(Duration queued) {
        writeQueueWait.record(queued);
    }

    @Override
    public void groupCommitted(int writes) {
        writeGroupSize.record(writes);
    }

    private Timer poolTimer(String name, String description, String pool) {
        return registry.getOrCreate(Timer.builder(name).description(description)
                .tags(List.of(Tag.create("pool", pool))).percentiles(MEDIAN_AND_TAIL));
    }

    public void timeoutVoids(int count) {
        timeoutVoids.increment(count);
    }
}
