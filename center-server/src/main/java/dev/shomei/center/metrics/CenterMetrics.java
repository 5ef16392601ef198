package dev.shomei.center.metrics;

import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.board.TerminalStatus;
import dev.shomei.protocol.ErrorCode;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The center's Prometheus metrics (served by Helidon at {@code /observe/metrics}). Labels are
 * result codes, statuses and outcomes: never a terminal id (55,000 of them), never anything personal.
 */
public final class CenterMetrics {
    private final MeterRegistry registry;
    private final Timer issueLatency;
    private final Counter backendFailures;
    private final Map<String, Counter> issueResults = new ConcurrentHashMap<>();
    private final Map<String, Counter> printOutcomes = new ConcurrentHashMap<>();

    public CenterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.issueLatency = registry.getOrCreate(Timer.builder("shomei_center_issue_latency")
                .description("Time from IssueRequest to IssueResponse or Refusal"));
        this.backendFailures = registry.getOrCreate(Counter.builder("shomei_center_backend_failures")
                .description("Record backend calls that failed or timed out"));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** One issue request answered: "ISSUED" or the refusal's error code. */
    public void issueAnswered(String result, Duration latency) {
        issueResults.computeIfAbsent(result, r -> registry.getOrCreate(Counter.builder("shomei_center_issue_requests")
                .description("Issue requests by result (ISSUED or the error code)")
                .tags(List.of(Tag.create("result", r))))).increment();
        issueLatency.record(latency);
    }

    public void issueRefused(ErrorCode code, Duration latency) {
        issueAnswered(code.name(), latency);
    }

    /** PRINTED, VOIDED or RECONCILED. */
    public void outcome(String outcome) {
        printOutcomes.computeIfAbsent(outcome, o -> registry.getOrCreate(Counter.builder("shomei_center_issuance_outcomes")
                .description("Issuances ended by print outcome or reconciliation")
                .tags(List.of(Tag.create("outcome", o))))).increment();
    }

    public void backendFailure() {
        backendFailures.increment();
    }

    /** Gauges read from the board and the line server when scraped. */
    public void watch(TerminalBoard board, Supplier<Integer> openConnections) {
        for (TerminalStatus status : TerminalStatus.values()) {
            registry.getOrCreate(Gauge.builder("shomei_center_terminals",
                            () -> board.countByStatus().getOrDefault(status, 0L))
                    .description("Terminals by board status")
                    .tags(List.of(Tag.create("status", status.name().toLowerCase(java.util.Locale.ROOT)))));
        }
        registry.getOrCreate(Gauge.builder("shomei_center_alerts_open", () -> board.alerts().openCount())
                .description("Open alerts on the operator console"));
        registry.getOrCreate(Gauge.builder("shomei_center_line_connections", openConnections::get)
                .description("Open kiosk connections"));
    }
}
