package dev.shomei.load;

import dev.shomei.bench.fixture.BenchKeys;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.pki.DevPki;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code ./shomei loadgen}: simulated kiosks over real TLS against a real center and record
 * backend, everything on this machine. Two modes:
 *
 * <ul>
 * <li>issuance (default): {@code --kiosks N} kiosks, each with its own terminal certificate, run
 *     complete issuances back to back (virtual card data of residents the backend holds, the PDF,
 *     the print outcome); reports throughput, latency percentiles, errors by code, CPU per process,
 *     the center's heap, and the PDF-render-only throughput of this machine for comparison;</li>
 * <li>{@code --heartbeat-only --terminals M}: M terminals that only heartbeat (every 30 s);
 *     reports the center's CPU.</li>
 * </ul>
 *
 * Without {@code --center} it starts its own backend and center ({@link LocalStack}); with it, it
 * drives the running demo (see docs/benchmarks.md).
 */
public final class LoadGenerator {
    private static final int CARD_POOL = 1_000;
    /** Descriptors kept free for everything that is not a line connection (jars, logs, epoll, pipes). */
    private static final long FD_RESERVE = 1_000;

    private final LoadArgs args;
    private final PrintStream out;
    private final Path state;

    LoadGenerator(LoadArgs args, PrintStream out, Path state) {
        this.args = args;
        this.out = out;
        this.state = state;
    }

    public static void main(String[] argv) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LoadArgs args;
        try {
            args = LoadArgs.parse(argv);
        } catch (LoadArgs.UsageException e) {
            if (e.getMessage().isEmpty()) { // --help
                out.print(LoadArgs.USAGE);
                System.exit(0);
            }
            System.err.println("loadgen: " + e.getMessage());
            System.err.print(LoadArgs.USAGE);
            System.exit(2);
            return;
        }
        Path state = Path.of(System.getProperty("shomei.state", "state")).toAbsolutePath();
        String font = System.getProperty("shomei.font");
        if ((args.ownStack() || !args.heartbeatOnly()) && (font == null || !java.nio.file.Files.isRegularFile(Path.of(font)))) {
            System.err.println("loadgen: no Japanese TrueType font at -Dshomei.font=" + font
                    + " (the own center and the render baseline need it; ./shomei demo or ./shomei bench installs it)");
            System.exit(2);
        }
        LoadGenerator generator = new LoadGenerator(args, out, state);
        boolean met = args.heartbeatOnly() ? generator.heartbeats() : generator.issuances();
        System.exit(met ? 0 : 1);
    }

    // --- issuance mode -------------------------------------------------------------------------

    boolean issuances() throws InterruptedException {
        DevPki pki = pki();
        List<String> terminals = TerminalEnrolment.ids("LGK", args.kiosks());
        TerminalEnrolment.ensureCertificates(pki, terminals, out);
        out.printf("loadgen: making virtual cards for residents of %s (seed %d) ...%n", args.municipality(), args.seed());
        CardPool pool = CardPool.make(new CardFactory(pki.jlisDevKey(), KeyId.parse(DevPki.JLIS_DEV_KEY_ID)),
                args.municipality(), args.seed(), args.residents(), Math.min(CARD_POOL, args.residents()), args.type());
        try (Stack stack = stack(pki, terminals)) {
            double baseline = Double.NaN;
            if (!args.baseline().isZero() && args.pace().isZero()) { // a paced run's throughput is what was offered
                Duration warm = args.baseline().dividedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                        ? Duration.ofSeconds(10) : args.baseline().dividedBy(2);
                int threads = Runtime.getRuntime().availableProcessors();
                out.printf("loadgen: PDF render only, %d threads, %d s (+%d s warm-up), the stack idle ...%n", threads,
                        args.baseline().minus(warm).toSeconds(), warm.toSeconds());
                baseline = RenderBaseline.pdfsPerSecond(fontFile(), BenchKeys.standard(), pool, args.type(),
                        args.municipality(), warm, args.baseline().minus(warm), threads);
            }
            IssuanceMetrics metrics = new IssuanceMetrics();
            String run = "LG" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
            Window window;
            try (LineConnector connector = new LineConnector(pki, stack.center, 2, Duration.ofSeconds(90))) {
                if (!firstIssuance(connector, terminals.getFirst(), run, pool.share(0, args.kiosks()))) {
                    return false;
                }
                RunFlag flag = new RunFlag();
                List<Thread> kiosks = new ArrayList<>();
                for (int i = 0; i < args.kiosks(); i++) {
                    kiosks.add(Thread.ofPlatform().name("kiosk-" + (i + 1)).daemon().start(new KioskSimulator(connector,
                            terminals.get(i), i + 1, run, pool.share(i, args.kiosks()), args.type(), args.municipality(), metrics, flag::running,
                            args.pace())));
                }
                out.printf("loadgen: %d kiosks issuing against %s; warm-up %d s, then %d s measured ...%n", args.kiosks(),
                        stack.center, args.warmup().toSeconds(), args.duration().toSeconds());
                Thread.sleep(args.warmup());
                metrics.reset();
                window = Window.open(stack);
                Thread.sleep(args.duration());
                window.close(metrics.completed.sum());
                Snapshot snapshot = new Snapshot(metrics.issue.values(), metrics.transaction.values(),
                        metrics.errors.byCode(), metrics.pdfBytes.sum());
                flag.stop();
                for (Thread kiosk : kiosks) {
                    kiosk.join(Duration.ofSeconds(40));
                }
                return reportIssuances(stack, window, snapshot, baseline);
            }
        }
    }

    /**
     * One issuance before the load, retried while the stack is still coming up (backend not
     * answering yet, municipality list not loaded); any other refusal ends the run with its code.
     */
    private boolean firstIssuance(LineConnector connector, String terminal, String run, CardPool pool)
            throws InterruptedException {
        java.util.Set<String> transient_ = java.util.Set.of("BACKEND_UNAVAILABLE", "CENTER_UNAVAILABLE",
                "MUNICIPALITY_NOT_PARTICIPATING");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String last = "?";
        while (System.nanoTime() < deadline) {
            IssuanceMetrics scratch = new IssuanceMetrics();
            KioskSimulator kiosk = new KioskSimulator(connector, terminal, 0, run + "P", pool, args.type(),
                    args.municipality(), scratch, () -> true, Duration.ZERO);
            try (var client = connector.connect(terminal, Duration.ofSeconds(30))) {
                Optional<String> error = kiosk.issueOnce(client);
                if (error.isEmpty()) {
                    out.println("loadgen: a first issuance went through: the stack is ready");
                    return true;
                }
                last = error.get();
            } catch (dev.shomei.protocol.ShomeiException e) {
                last = e.code().name();
            }
            if (!transient_.contains(last)) {
                break;
            }
            out.printf("loadgen: not ready yet (%s); trying again in 5 s%n", last);
            Thread.sleep(5_000);
        }
        out.printf("loadgen: the first issuance failed with %s: nothing measured. Check the center's and the backend's logs%s%n",
                last, args.ownStack() ? " in " + LocalStack.stateDir(state).resolve("logs") : "");
        return false;
    }

    private record Snapshot(long[] issue, long[] transaction, Map<String, Long> errors, long pdfBytes) {
    }

    private boolean reportIssuances(Stack stack, Window window, Snapshot snapshot, double baseline) {
        double seconds = window.seconds();
        long completed = window.completed;
        double throughput = completed / seconds;
        out.println();
        out.printf("shomei loadgen: %d kiosks%s, %s certificates, %d s measured after %d s warm-up, center %s (%s), %s, %d cores%n",
                args.kiosks(), args.pace().isZero() ? "" : " each starting an issuance every " + args.pace().toSeconds() + " s",
                args.type() == null ? "mixed" : args.type().name().toLowerCase(Locale.ROOT),
                Math.round(seconds), args.warmup().toSeconds(), stack.center,
                stack.own == null ? "running center" : "own stack", LocalDate.now(), Runtime.getRuntime().availableProcessors());
        out.printf("  completed issuances  %,d  (%.1f per second)%s%n", completed, throughput,
                completed == 0 ? "" : String.format(Locale.ROOT, ", PDF %.1f KB on average", snapshot.pdfBytes / 1024.0 / completed));
        printLatency("issue request -> PDF", snapshot.issue);
        printLatency("whole transaction (+ print outcome ack)", snapshot.transaction);
        long errors = snapshot.errors.values().stream().mapToLong(Long::longValue).sum();
        out.printf("  errors               %s%n", errors == 0 ? "none" : snapshot.errors.toString());
        window.printCpu(out);
        Optional<GcLog> heap = stack.own == null ? Optional.empty() : GcLog.read(stack.own.centerGcLog());
        heap.ifPresentOrElse(gc -> out.printf(Locale.ROOT,
                        "  center heap          peak %.0f MB in use (before a collection), %.0f MB live after one, %.0f MB committed; %d collections (-Xmx%dm)%n",
                        gc.peakBeforeMb(), gc.peakAfterMb(), gc.peakCommittedMb(), gc.collections(), args.centerHeapMb()),
                () -> out.println("  center heap          not measured (a running center: see its RSS above)"));
        if (!Double.isNaN(baseline)) {
            out.printf(Locale.ROOT, "  PDF render only      %.1f PDFs per second on %d threads (same residents, nothing else running)%n",
                    baseline, Runtime.getRuntime().availableProcessors());
        }

        out.println("  targets");
        boolean met = true;
        if (!Double.isNaN(baseline)) {
            double ratio = throughput / baseline;
            met &= verdict(String.format(Locale.ROOT, "full issuance throughput >= 60%% of render-only: %.0f%%", 100 * ratio),
                    ratio >= 0.6);
        }
        if (snapshot.transaction.length > 0) {
            double p99 = Percentiles.of(snapshot.transaction).percentile(99) / 1e6;
            met &= verdict(String.format(Locale.ROOT, "p99 latency < 250 ms with %d kiosks%s (32 in the target): %.1f ms",
                    args.kiosks(), args.pace().isZero() ? "" : " paced", p99), p99 < 250);
        } else {
            met &= verdict("p99 latency < 250 ms: no issuance completed", false);
        }
        met &= verdict("no errors: " + errors, errors == 0);
        if (heap.isPresent()) {
            met &= verdict(String.format(Locale.ROOT, "center heap <= 512 MB: peak %.0f MB", heap.get().peakBeforeMb()),
                    heap.get().peakBeforeMb() <= 512);
        }
        return met;
    }

    private void printLatency(String what, long[] nanos) {
        if (nanos.length == 0) {
            out.printf("  latency              %s: no values%n", what);
            return;
        }
        Percentiles p = Percentiles.of(nanos);
        out.printf(Locale.ROOT, "  latency              %s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%,d values)%n",
                what, p.percentile(50) / 1e6, p.percentile(95) / 1e6, p.percentile(99) / 1e6, p.max() / 1e6, p.count());
    }

    private boolean verdict(String text, boolean met) {
        out.printf("    %-7s %s%n", met ? "MET" : "MISSED", text);
        return met;
    }

    // --- heartbeat-only mode -------------------------------------------------------------------

    boolean heartbeats() throws InterruptedException {
        DevPki pki = pki();
        int wanted = args.terminals();
        // every connection is a descriptor here and one in the center (the own stack inherits this limit)
        long budget = FileLimits.openFiles("self").orElse(Long.MAX_VALUE) - FD_RESERVE;
        int connections = (int) Math.max(1, Math.min(wanted, budget));
        Duration interval = args.heartbeatInterval();
        if (connections < wanted) {
            // same heartbeat rate as `wanted` terminals: fewer connections, each heartbeating more often
            interval = Duration.ofNanos(args.heartbeatInterval().toNanos() * connections / wanted);
            out.printf("loadgen: the open-file limit (%d) allows %,d connections per process, not %,d: %,d terminals "
                            + "heartbeat every %.2f s instead, the same %,.0f heartbeats per second as %,d terminals every %d s%n",
                    FileLimits.openFiles("self").orElse(-1), connections, wanted, connections, interval.toNanos() / 1e9,
                    wanted / (double) args.heartbeatInterval().toSeconds(), wanted, args.heartbeatInterval().toSeconds());
        }
        List<String> terminals = HeartbeatFleet.ids(connections);
        TerminalEnrolment.ensureCertificates(pki, terminals, out);
        try (Stack stack = stack(pki, terminals)) {
            stack.centerFileLimit().ifPresent(limit -> {
                if (limit - FD_RESERVE < terminals.size()) {
                    out.printf("loadgen: WARNING the center's open-file limit is %d: it cannot hold %,d connections%n",
                            limit, terminals.size());
                }
            });
            Duration idle = Duration.ofSeconds(Math.max(90, 3 * interval.toSeconds()));
            try (LineConnector connector = new LineConnector(pki, stack.center, 2, idle);
                 HeartbeatFleet fleet = new HeartbeatFleet(connector, terminals, interval, args.connectRate())) {
                out.printf("loadgen: connecting %,d terminals at %d per second ...%n", terminals.size(), args.connectRate());
                fleet.start();
                // handshakes during the measured window would count as heartbeat cost: wait for the whole
                // fleet (a loaded machine connects far below --connect-rate), within reason
                long deadline = System.nanoTime()
                        + Duration.ofSeconds(3L * terminals.size() / args.connectRate() + 300).toNanos();
                while (fleet.connected() < terminals.size() && System.nanoTime() < deadline) {
                    Thread.sleep(5_000);
                    out.printf("loadgen: %,d of %,d connected%n", fleet.connected(), terminals.size());
                }
                Duration warmup = args.warmup().compareTo(interval) > 0 ? args.warmup() : interval;
                out.printf("loadgen: %,d connected; warm-up %d s (at least one heartbeat interval), then %d s measured ...%n",
                        fleet.connected(), warmup.toSeconds(), args.duration().toSeconds());
                Thread.sleep(warmup);
                fleet.resetMeasurements();
                int connectedAtStart = fleet.connected();
                Window window = Window.open(stack);
                Thread.sleep(args.duration());
                window.close(fleet.heartbeats());
                long[] latencies = fleet.latency().values();
                Map<String, Long> errors = fleet.errors().byCode();
                int connectedAtEnd = fleet.connected();
                boolean complete = connectedAtStart == terminals.size() && connectedAtEnd == terminals.size();
                if (!complete) {
                    out.printf("loadgen: WARNING %,d connections open when the window opened, %,d when it closed, of %,d: "
                            + "the center's CPU includes TLS handshakes%n", connectedAtStart, connectedAtEnd, terminals.size());
                }
                return reportHeartbeats(stack, window, wanted, connectedAtEnd, interval, latencies, errors, complete);
            }
        }
    }

    private boolean reportHeartbeats(Stack stack, Window window, int wanted, int connected, Duration interval,
            long[] latencies, Map<String, Long> errors, boolean complete) {
        double seconds = window.seconds();
        double rate = window.completed / seconds;
        double expected = wanted / (double) args.heartbeatInterval().toSeconds();
        out.println();
        out.printf("shomei loadgen --heartbeat-only: %,d terminals every %d s (%,d connections every %.2f s), %d s measured, center %s (%s), %s%n",
                wanted, args.heartbeatInterval().toSeconds(), connected, interval.toNanos() / 1e9, Math.round(seconds),
                stack.center, stack.own == null ? "running center" : "own stack", LocalDate.now());
        out.printf(Locale.ROOT, "  heartbeats           %,d acknowledged (%.0f per second; %,.0f expected)%n", window.completed,
                rate, expected);
        printLatency("heartbeat -> ack", latencies);
        long errorCount = errors.values().stream().mapToLong(Long::longValue).sum();
        out.printf("  errors               %s%n", errorCount == 0 ? "none" : errors.toString());
        window.printCpu(out);
        Optional<GcLog> heap = stack.own == null ? Optional.empty() : GcLog.read(stack.own.centerGcLog());
        heap.ifPresent(gc -> out.printf(Locale.ROOT, "  center heap          peak %.0f MB in use, %.0f MB live after a collection (-Xmx%dm)%n",
                gc.peakBeforeMb(), gc.peakAfterMb(), args.centerHeapMb()));
        out.println("  targets");
        boolean met = true;
        OptionalLong centerCpu = window.centerCpuPermille();
        if (centerCpu.isPresent()) {
            double percent = centerCpu.getAsLong() / 10.0;
            met &= verdict(String.format(Locale.ROOT, "%,d terminals heartbeating every %d s use <= 12%% of one core "
                    + "(target: 50,000 every 30 s): center %.1f%%", wanted, args.heartbeatInterval().toSeconds(), percent),
                    percent <= 12);
        } else {
            met &= verdict("center CPU: the center process was not found (give --center-pid)", false);
        }
        met &= verdict(String.format(Locale.ROOT, "heartbeat rate reached: %.0f of %.0f per second", rate, expected),
                rate >= 0.95 * expected);
        met &= verdict("every connection open through the measured window (no handshakes in the CPU figure)", complete);
        met &= verdict("no errors: " + errorCount, errorCount == 0);
        if (heap.isPresent()) {
            met &= verdict(String.format(Locale.ROOT, "center heap <= 512 MB: peak %.0f MB", heap.get().peakBeforeMb()),
                    heap.get().peakBeforeMb() <= 512);
        }
        return met;
    }

    // --- the stack under test ------------------------------------------------------------------

    /** The PKI the center trusts: the own stack's, or the demo's ({@code <state>/pki}). */
    private DevPki pki() {
        return DevPki.ensure((args.ownStack() ? LocalStack.stateDir(state) : state).resolve("pki"));
    }

    private Path fontFile() {
        String font = System.getProperty("shomei.font");
        if (font == null) {
            throw new IllegalStateException("no -Dshomei.font: run through ./shomei loadgen");
        }
        return Path.of(font);
    }

    private Stack stack(DevPki pki, List<String> terminals) {
        if (args.ownStack()) {
            out.println("loadgen: starting an own record backend and center (child processes) ...");
            LocalStack own = LocalStack.start(LocalStack.stateDir(state), pki, args.municipality(), args.seed(),
                    args.residents(), terminals, args.profile(), args.centerHeapMb(), out);
            Runtime.getRuntime().addShutdownHook(new Thread(own::close, "loadgen-stack-stop"));
            if (args.profile()) {
                out.println("loadgen: JFR recordings go to " + own.dir().resolve("logs") + "/{center,backend}.jfr when the run ends"
                        + " (then: jfr view hot-methods FILE)");
            }
            return new Stack(new LoadArgs.HostPort("127.0.0.1", own.linePort()), own,
                    OptionalLong.of(own.centerPid()), OptionalLong.of(own.backendPid()));
        }
        Path registry = Path.of(args.centerState().orElse(state.resolve("center").toString())).resolve("terminals.json");
        int added = TerminalEnrolment.register(registry, terminals);
        out.printf("loadgen: %,d terminals registered in %s (%,d new)%n", terminals.size(), registry, added);
        LoadArgs.HostPort center = args.center().orElseThrow();
        OptionalLong centerPid = args.centerPid().isPresent() ? args.centerPid() : PortOwner.pidListeningOn(center.port());
        OptionalLong backendPid = args.backendPid().isPresent() ? args.backendPid()
                : PortOwner.pidListeningOn(args.backend().port());
        return new Stack(center, null, centerPid, backendPid);
    }

    /** The center (and backend) under load, own or running. */
    private static final class Stack implements AutoCloseable {
        final LoadArgs.HostPort center;
        final LocalStack own;
        final OptionalLong centerPid;
        final OptionalLong backendPid;

        Stack(LoadArgs.HostPort center, LocalStack own, OptionalLong centerPid, OptionalLong backendPid) {
            this.center = center;
            this.own = own;
            this.centerPid = centerPid;
            this.backendPid = backendPid;
        }

        OptionalLong centerFileLimit() {
            return centerPid.isPresent() ? FileLimits.openFiles(Long.toString(centerPid.getAsLong())) : OptionalLong.empty();
        }

        @Override
        public void close() {
            if (own != null) {
                own.close();
            }
        }
    }

    /** The measured window: wall time and CPU of center, backend and this process. */
    private static final class Window {
        private final long started = System.nanoTime();
        private long ended;
        long completed;
        private final List<Named> processes = new ArrayList<>();

        private record Named(String name, ProcessStats.Sample before, ProcessStats.Sample[] after) {
        }

        static Window open(Stack stack) {
            Window window = new Window();
            window.add("center", stack.centerPid);
            window.add("backend", stack.backendPid);
            window.add("loadgen", OptionalLong.of(ProcessHandle.current().pid()));
            return window;
        }

        private void add(String name, OptionalLong pid) {
            if (pid.isPresent()) {
                ProcessStats.sample(pid.getAsLong()).ifPresent(sample ->
                        processes.add(new Named(name, sample, new ProcessStats.Sample[1])));
            }
        }

        void close(long completedCount) {
            ended = System.nanoTime();
            completed = completedCount;
            for (Named process : processes) {
                process.after[0] = ProcessStats.sample(process.before.pid()).orElse(null);
            }
        }

        double seconds() {
            return (ended - started) / 1e9;
        }

        OptionalLong centerCpuPermille() {
            for (Named process : processes) {
                if (process.name.equals("center") && process.after[0] != null) {
                    return OptionalLong.of(Math.round(10 * process.after[0].cpuPercentSince(process.before)));
                }
            }
            return OptionalLong.empty();
        }

        void printCpu(PrintStream out) {
            StringBuilder line = new StringBuilder();
            for (Named process : processes) {
                if (process.after[0] == null) {
                    continue;
                }
                if (!line.isEmpty()) {
                    line.append(", ");
                }
                line.append(String.format(Locale.ROOT, "%s %.0f%% (GC threads %.1f%%, pid %d, RSS %d MB)", process.name,
                        process.after[0].cpuPercentSince(process.before), process.after[0].gcPercentSince(process.before),
                        process.before.pid(), process.after[0].residentKb() / 1024));
            }
            out.printf("  CPU (%% of one core)  %s%n", line.isEmpty() ? "not measured" : line);
        }
    }

    /** Whether the kiosks should keep going. */
    private static final class RunFlag {
        private volatile boolean running = true;

        boolean running() {
            return running;
        }

        void stop() {
            running = false;
        }
    }
}
