package dev.shomei.center.metrics;

import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.board.TerminalStatus;
import dev.shomei.protocol.ErrorCode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The center's metrics in the Prometheus text format (served at {@code /observe/metrics}). Kept
 * per center instance (two centers in one JVM do not mix), with labels that are result codes,
 * statuses and outcomes only: never a terminal id (55,000 of them), never anything personal.
 */
public final class CenterMetrics {
    /** Latency buckets in seconds: the PDF dominates (~5-20 ms), the backend deadline ends it. */
    private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> issueResults = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder backendFailures = new LongAdder();
    private final LongAdder[] latencyBuckets = new LongAdder[BUCKETS.length];
    private final LongAdder latencyCount = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private volatile TerminalBoard board;
    private volatile IntSupplier connections = () -> 0;

    public CenterMetrics() {
        for (int i = 0; i < BUCKETS.length; i++) {
            latencyBuckets[i] = new LongAdder();
        }
    }

    /** One issue request answered: "ISSUED" or the refusal's error code. */
    public void issueAnswered(String result, Duration latency) {
        issueResults.computeIfAbsent(result, r -> new LongAdder()).increment();
        double seconds = latency.toNanos() / 1e9;
        for (int i = 0; i < BUCKETS.length; i++) {
            if (seconds <= BUCKETS[i]) {
                latencyBuckets[i].increment();
            }
        }
        latencyCount.increment();
        latencyNanos.add(latency.toNanos());
    }

    public void issueRefused(ErrorCode code, Duration latency) {
        issueAnswered(code.name(), latency);
    }

    /** PRINTED, VOIDED or RECONCILED. */
    public void outcome(String outcome) {
        outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }

    public void backendFailure() {
        backendFailures.increment();
    }

    /** Gauges read from the board and the line server when scraped. */
    public void watch(TerminalBoard watchedBoard, IntSupplier openConnections) {
        this.board = watchedBoard;
        this.connections = openConnections;
    }

    public long issueCount(String result) {
        LongAdder adder = issueResults.get(result);
        return adder == null ? 0 : adder.sum();
    }

    /** The exposition, text format 0.0.4. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder(2048);
        family(out, "shomei_center_issue_requests_total", "counter",
                "Issue requests by result (ISSUED or the refusal's error code)");
        new TreeMap<>(issueResults).forEach((result, count) ->
                sample(out, "shomei_center_issue_requests_total", "result", result, count.sum()));
        family(out, "shomei_center_issuance_outcomes_total", "counter",
                "Issuances ended by a print outcome or by reconciliation");
        new TreeMap<>(outcomes).forEach((outcome, count) ->
                sample(out, "shomei_center_issuance_outcomes_total", "outcome", outcome, count.sum()));
        family(out, "shomei_center_backend_failures_total", "counter", "Record backend calls that got no answer in time");
        out.append("shomei_center_backend_failures_total ").append(backendFailures.sum()).append('\n');

        family(out, "shomei_center_issue_latency_seconds", "histogram", "Time from IssueRequest to the answer");
        for (int i = 0; i < BUCKETS.length; i++) {
            sample(out, "shomei_center_issue_latency_seconds_bucket", "le", Double.toString(BUCKETS[i]),
                    latencyBuckets[i].sum());
        }
        sample(out, "shomei_center_issue_latency_seconds_bucket", "le", "+Inf", latencyCount.sum());
        out.append("shomei_center_issue_latency_seconds_sum ")
                .append(String.format(Locale.ROOT, "%.6f", latencyNanos.sum() / 1e9)).append('\n');
        out.append("shomei_center_issue_latency_seconds_count ").append(latencyCount.sum()).append('\n');

        TerminalBoard watched = board;
        if (watched != null) {
            family(out, "shomei_center_terminals", "gauge", "Terminals by board status");
            Map<TerminalStatus, Long> counts = watched.countByStatus();
            for (TerminalStatus status : TerminalStatus.values()) {
                sample(out, "shomei_center_terminals", "status", status.name().toLowerCase(Locale.ROOT),
                        counts.getOrDefault(status, 0L));
            }
            family(out, "shomei_center_alerts_open", "gauge", "Open alerts on the operator console");
            out.append("shomei_center_alerts_open ").append(watched.alerts().openCount()).append('\n');
        }
        family(out, "shomei_center_line_connections", "gauge", "Open kiosk connections");
        out.append("shomei_center_line_connections ").append(connections.getAsInt()).append('\n');
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name.endsWith("_total") ? name.substring(0, name.length() - 6) : name)
                .append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, long count) {
        out.append(name).append('{').append(label).append("=\"").append(value).append("\"} ").append(count).append('\n');
    }
}
