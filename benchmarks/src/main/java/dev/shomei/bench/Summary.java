package dev.shomei.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The table printed after a run: one row per benchmark and parameter set, its score, the
 * percentiles for sampled benchmarks, and the target where there is one.
 */
final class Summary {
    /** A target on a benchmark's score or its p99, in the benchmark's own unit. */
    record Target(String text, boolean onP99, double limit) {
        boolean met(Row row) {
            return (onP99 ? row.p99 : row.score) <= limit;
        }
    }

    record Row(String benchmark, String params, Mode mode, double score, double error, String unit, double p50,
               double p99, double p999) {
    }

    /** Targets by benchmark method (simple class name + "." + method) and unit. */
    private static final Map<String, Target> TARGETS = Map.of(
            "PdfRenderBench.render", new Target("<= 6 ms/op warm", false, 6.0),
            "BackendIssueBench.issue", new Target("p99 < 5 ms", true, 5.0));

    private final List<Row> rows;

    private Summary(List<Row> rows) {
        this.rows = rows;
    }

    static Summary of(List<RunResult> results) {
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            Map<String, String> values = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                values.put(key, params.getParam(key));
            }
            Statistics statistics = result.getPrimaryResult().getStatistics();
            boolean sampled = params.getMode() == Mode.SampleTime;
            rows.add(new Row(shortName(params.getBenchmark()), String.join(",", values.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()), params.getMode(),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit(),
                    sampled ? statistics.getPercentile(50) : Double.NaN,
                    sampled ? statistics.getPercentile(99) : Double.NaN,
                    sampled ? statistics.getPercentile(99.9) : Double.NaN));
        }
        return new Summary(rows);
    }

    /** {@code dev.shomei.bench.pdf.PdfRenderBench.render} -> {@code PdfRenderBench.render}. */
    static String shortName(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    String format() {
        StringBuilder out = new StringBuilder("Summary\n");
        out.append(String.format(Locale.ROOT, "  %-38s %-36s %12s %10s %-8s %9s %9s %9s  %s%n", "benchmark", "params",
                "score", "± error", "unit", "p50", "p99", "p99.9", "target"));
        for (Row row : rows) {
            Target target = TARGETS.get(row.benchmark);
            String verdict = target == null ? "" : target.text + ": " + (target.met(row) ? "MET" : "MISSED");
            out.append(String.format(Locale.ROOT, "  %-38s %-36s %12s %10s %-8s %9s %9s %9s  %s%n", row.benchmark,
                    row.params, number(row.score), number(row.error), row.unit, number(row.p50), number(row.p99),
                    number(row.p999), verdict));
        }
        return out.toString();
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
