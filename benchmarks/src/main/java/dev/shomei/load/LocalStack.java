package dev.shomei.load;

import dev.shomei.center.CenterSettings;
import dev.shomei.protocol.pki.DevPki;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's own record backend and center, each a child process of this JVM (same
 * java, same class path, which holds both modules), so that the load test runs on a fresh clone
 * without the demo and CPU is measured per process. Their state lives in {@code <state>/loadgen/}
 * (own dev PKI, SQLite records, center configuration), their logs in {@code <state>/loadgen/logs/}.
 *
 * <p>Set-up the demo does not need: the synthetic residents the kiosks use are generated once
 * ({@code backend generate}); the center's line rate limit is raised (the kiosks here issue back
 * to back, far above the 10 messages per second a real kiosk is allowed); the municipality's
 * service hours are set to the whole day so a run at night is not refused; the center runs with
 * {@code -Xmx512m} (the memory target; {@code --center-heap} changes it) and a GC log to read its heap from.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;
    private final Process backend;
    private final Process center;
    private final int linePort;
    private final Path centerGcLog;

    private LocalStack(Path dir, Process backend, Process center, int linePort, Path centerGcLog) {
        this.dir = dir;
        this.backend = backend;
        this.center = center;
        this.linePort = linePort;
        this.centerGcLog = centerGcLog;
    }

    /** The state directory of the own stack. */
    public static Path stateDir(Path shomeiState) {
        return shomeiState.resolve("loadgen");
    }

    /**
     * Starts backend and center on free loopback ports, generating the residents first when needed.
     *
     * @param terminals terminal ids to register (their certificates must exist in {@code pki})
     */
    public static LocalStack start(Path dir, DevPki pki, String municipality, long seed, int residents,
            List<String> terminals, boolean profile, int centerHeapMb, PrintStream log) {
        Process backend = null;
        try {
            Path logs = dir.resolve("logs");
            Files.createDirectories(logs);
            Path generated = dir.resolve("backend").resolve("generated-" + municipality + "-" + seed + "-" + residents);
            if (!Files.exists(generated)) {
                log.printf("loadgen: generating %,d synthetic residents in %s (once) ...%n", residents, municipality);
                run(dir, List.of(), "dev.shomei.record.cli.BackendCli", List.of("generate", "--municipality", municipality,
                        "--residents", Integer.toString(residents), "--seed", Long.toString(seed)), logs.resolve("generate.log"));
                Files.writeString(generated, "done\n");
            }
            int apiPort = freePort();
            int backendConsolePort = freePort();
            int linePort = freePort();
            int centerConsolePort = freePort();
            backend = start(dir, profile ? jfr(logs, "backend") : List.of(), "dev.shomei.record.cli.BackendCli",
                    List.of("serve", "--demo", "--api-port",
                    Integer.toString(apiPort), "--console-port", Integer.toString(backendConsolePort), "--public-port", "0"), logs.resolve("backend.log"));
            awaitLine(backend, logs.resolve("backend.log"), "backend: api ", "backend");

            Path centerDir = dir.resolve("center");
            Files.createDirectories(centerDir);
            Files.writeString(centerDir.resolve(CenterSettings.FILE_NAME), centerYaml());
            Files.writeString(centerDir.resolve("municipalities.json"), """
                    {"overrides":[{"code":"%s","participating":true,"offersOverseas":true,"feePerCopyYen":120,\
                    "opensAt":"00:00","closesAt":"00:00"}]}
                    """.formatted(municipality));
            TerminalEnrolment.register(centerDir.resolve("terminals.json"), terminals);
            Path gcLog = logs.resolve("center-gc.log");
            Files.deleteIfExists(gcLog);
            List<String> centerJvm = new ArrayList<>(List.of("-Xmx" + centerHeapMb + "m", "-Xlog:gc:file=" + gcLog));
            if (profile) {
                centerJvm.addAll(jfr(logs, "center"));
            }
            Process center = start(dir, centerJvm, "dev.shomei.center.CenterMain",
                    List.of("serve", "--demo", "--line-port", Integer.toString(linePort), "--console-port",
                            Integer.toString(centerConsolePort), "--backend", "https://127.0.0.1:" + apiPort),
                    logs.resolve("center.log"));
            try {
                awaitLine(center, logs.resolve("center.log"), "center: line ", "center");
            } catch (RuntimeException e) {
                stop(center);
                throw e;
            }
            log.printf("loadgen: own stack up: backend pid %d (api %d), center pid %d (line %d); state %s%n",
                    backend.pid(), apiPort, center.pid(), linePort, dir);
            return new LocalStack(dir, backend, center, linePort, gcLog);
        } catch (IOException e) {
            if (backend != null) {
                stop(backend);
            }
            throw new UncheckedIOException("cannot start the load generator's own stack", e);
        } catch (RuntimeException e) {
            if (backend != null) {
                stop(backend);
            }
            throw e;
        }
    }

    /** A JFR recording with the profiling settings, written when the process exits. */
    private static List<String> jfr(Path logs, String name) {
        return List.of("-XX:FlightRecorderOptions:stackdepth=512", "-XX:StartFlightRecording=filename="
                + logs.resolve(name + ".jfr") + ",settings=profile,dumponexit=true");
    }

    /**
     * center.yaml: the defaults, with a line rate limit a back-to-back load does not trip and a
     * short municipality refresh (a first refresh that times out while the backend's JIT is cold
     * would otherwise refuse issuances for a minute).
     */
    public static String centerYaml() {
        String yaml = CenterSettings.DEFAULT_YAML
                .replace("messages-per-second: 10 ", "messages-per-second: 10000 ")
                .replace("message-burst: 40", "message-burst: 10000")
                .replace("municipality-refresh: 1m", "municipality-refresh: 5s")
                .replace("issuances: 5 ", "issuances: 100000000 "); // a load reuses its cards
        if (yaml.equals(CenterSettings.DEFAULT_YAML)) {
            throw new IllegalStateException("center.yaml defaults changed: cannot raise the line rate limit");
        }
        return yaml;
    }

    public long backendPid() {
        return backend.pid();
    }

    public long centerPid() {
        return center.pid();
    }

    public int linePort() {
        return linePort;
    }

    public Path centerGcLog() {
        return centerGcLog;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        stop(center);
        stop(backend);
    }

    private static void stop(Process process) {
        process.destroy(); // SIGTERM: the shutdown hooks close servers and databases
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The launcher's crash-report options of this JVM (no core file, no replay file, the report in the
     * private crash folder), so that the own stack crashes as {@code ./shomei backend serve} and
     * {@code ./shomei center serve} would.
     */
    private static List<String> crashOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.equals("-XX:-CreateCoredumpOnCrash") || option.equals("-XX:-DumpReplayDataOnError")
                        || option.startsWith("-XX:ErrorFile="))
                .toList();
    }

    private static List<String> command(Path dir, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-Dshomei.state=" + dir);
        for (String property : List.of("shomei.root", "shomei.font", "shomei.nameFont")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("-XX:+DisableAttachMechanism");
        command.add("--enable-native-access=ALL-UNNAMED"); // as the launcher: SQLite's and Netty's native libraries
        command.addAll(crashOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static Process start(Path dir, List<String> jvmOptions, String mainClass, List<String> args, Path logFile)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(dir, jvmOptions, mainClass, args))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        return builder.start();
    }

    private static void run(Path dir, List<String> jvmOptions, String mainClass, List<String> args, Path logFile)
            throws IOException {
        Process process = start(dir, jvmOptions, mainClass, args, logFile);
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " " + args.getFirst() + " failed; see " + logFile + ":\n"
                        + tail(logFile));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until the process has printed {@code marker} (its "up" line) to its log. */
    private static void awaitLine(Process process, Path log, String marker, String what) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + " while starting; see "
                        + log + ":\n" + tail(log));
            }
            try {
                if (Files.readString(log, StandardCharsets.UTF_8).contains(marker)) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // not written yet, or a partial UTF-8 sequence at the end: read again
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
        stop(process);
        throw new IllegalStateException(what + " was not up within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
