package dev.shomei.bench;

import dev.shomei.bench.backend.ResidentDataset;
import dev.shomei.bench.card.CardReadApdus;
import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.bench.fixture.BenchPaths;
import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.bench.pdf.PdfCheck;
import dev.shomei.bench.pdf.RenderCpuTime;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.protocol.CertificateType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * {@code ./shomei bench [PATTERN] [JMH options]}: runs the JMH benchmarks compiled into this module
 * (the annotation processor writes {@code META-INF/BenchmarkList} into target/classes), in this
 * process's class path, then prints a summary with the targets, followed by the checks that are
 * not timings (PDF size and text extraction, APDUs per card read).
 *
 * <p>Defaults come from each benchmark's annotations: one fork, warm-up long enough for the JIT
 * (about 12 s for the PDF), 5 measured iterations. Any JMH option overrides them, e.g.
 * {@code ./shomei bench Pdf -wi 2 -i 2}, {@code ./shomei bench -l}, {@code ./shomei bench Pdf -prof jfr}.
 * {@code ./shomei bench --checks} runs only the checks; {@code ./shomei bench --prepare sqlite|postgresql}
 * generates the 1,000,000-resident data set of the backend benchmark ahead of time;
 * {@code ./shomei bench --cpu-time [SECONDS]} measures the PDF render as thread CPU time (see
 * {@link RenderCpuTime}); {@code --profile} adds JMH's JFR profiler to a run.
 */
public final class BenchMain {
    static final String USAGE = """
            usage: ./shomei bench [PATTERN] [--profile] [JMH options]   run benchmarks (PATTERN: a regexp), then the checks
                   ./shomei bench -l | -h                              list the benchmarks | JMH's options
                   ./shomei bench --checks                             PDF size and text extraction, APDUs per card read
                   ./shomei bench --cpu-time [SECONDS]                 PDF render as thread CPU time per certificate
                   ./shomei bench --prepare sqlite|postgresql [N]      generate the backend data set (default 1,000,000)
              --profile   a JFR recording of every forked JVM in <state>/bench/jfr/
              quick:      ./shomei bench 'PdfRenderBench.render$' -p type=DOMESTIC -wi 6 -w 2 -i 3 -r 2
              see docs/benchmarks.md
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, java.io.IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (Arrays.asList(args).contains("--help")) {
            out.println(USAGE);
            out.println("JMH's own options: ./shomei bench -h");
            return;
        }
        if (Arrays.asList(args).contains("--checks")) {
            printChecks(out);
            return;
        }
        if (args.length > 0 && args[0].equals("--prepare")) {
            prepare(Arrays.copyOfRange(args, 1, args.length), out);
            return;
        }
        if (args.length > 0 && args[0].equals("--cpu-time")) {
            long seconds = args.length > 1 ? Long.parseLong(args[1]) : 10;
            RenderCpuTime.run(Duration.ofSeconds(Math.max(seconds, 12)), Duration.ofSeconds(seconds), out);
            return;
        }
        args = withProfiler(args);
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams() || options.shouldListProfilers()
                || options.shouldListResultFormats()) {
            options.showHelp();
            new Runner(options).list();
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        out.println();
        out.println(Summary.of(new ArrayList<>(results)).format());
        printChecks(out);
    }

    /**
     * {@code --profile}: a JFR recording (settings=profile) of every forked benchmark JVM, from its
     * start to its exit, under {@code <state>/bench/jfr/} (then {@code jfr view hot-methods FILE}).
     * Not JMH's {@code -prof jfr}: that attaches with jcmd, which the launcher's
     * {@code -XX:+DisableAttachMechanism} (inherited by the forks) refuses.
     */
    static String[] withProfiler(String[] args) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        if (!list.remove("--profile")) {
            return args;
        }
        java.nio.file.Path dir = BenchPaths.benchDir().resolve("jfr");
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        list.add("-jvmArgsAppend");
        list.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + dir + "/");
        System.err.println("bench: JFR recordings go to " + dir + "/ (one per fork; jfr view hot-methods <file>)");
        return list.toArray(String[]::new);
    }

    /** {@code --prepare sqlite|postgresql [RESIDENTS]}: generates a backend data set now instead of in the first run. */
    private static void prepare(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ./shomei bench --prepare sqlite|postgresql [RESIDENTS (default 1000000)]");
            System.exit(2);
        }
        ResidentDataset.Engine engine = ResidentDataset.Engine.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
        int residents = args.length == 2 ? Integer.parseInt(args[1]) : 1_000_000;
        try (ResidentDataset dataset = ResidentDataset.open(engine, residents)) {
            out.printf("data set ready: %,d residents on %s%n", dataset.size(), dataset.engine());
        }
    }

    private static void printChecks(PrintStream out) {
        out.println("Checks (not timings)");
        try {
            BenchKeys keys = BenchKeys.standard();
            CertificateRenderer renderer = new CertificateRenderer(CertificateFont.load(BenchPaths.font()));
            for (CertificateType type : List.of(CertificateType.DOMESTIC, CertificateType.OVERSEAS)) {
                PdfCheck check = PdfCheck.of(type, renderer.render(keys.sign(SampleCertificates.of(type))));
                String target = type == CertificateType.DOMESTIC
                        ? "  [target <= 50 KB and text extracts: " + (check.sizeMet() && check.textExtracts() ? "MET" : "MISSED") + "]"
                        : "  [text extracts: " + (check.textExtracts() ? "MET" : "MISSED") + "]";
                out.println("  pdf " + check.describe() + target);
            }
            for (CardReadApdus.Scenario scenario : new CardReadApdus(keys).run()) {
                out.printf("  card read %2d APDUs (%2d with the tries-left display) %s%s  [target <= 10: %s]%n",
                        scenario.readApdus(), scenario.totalApdus(), scenario.name(),
                        scenario.identical() ? "" : "  FILES DIFFER", scenario.readApdus() <= 10 ? "MET" : "MISSED");
            }
        } catch (RuntimeException e) {
            out.println("  checks failed: " + e);
        }
    }
}
