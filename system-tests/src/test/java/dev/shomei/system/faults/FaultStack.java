package dev.shomei.system.faults;

import dev.shomei.center.CenterSettings;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.system.Launcher;
import dev.shomei.system.OpenAllDay;
import dev.shomei.system.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The record backend and the certificate center as separate JVMs started through {@code ./shomei},
 * each of which a test may {@code kill -9} and start again on the same ports. The center reaches the
 * backend through a {@link TcpProxy} ({@link #backendLink}) so that a test can hold back or cut the
 * backend's answers; the center's settings are the defaults with the overrides given.
 */
final class FaultStack implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    final Launcher shomei;
    final String databaseUrl;
    final int apiPort = Ports.free();
    final int backendConsolePort = Ports.free();
    final int linePort = Ports.free();
    final int operatorPort = Ports.free();
    final TcpProxy backendLink;
    private final List<String> backendOptions;
    private final List<String> centerJavaOptions = new ArrayList<>();
    private Process backend;
    private Process center;

    /**
     * @param databaseUrl        null for the embedded SQLite under the state directory
     * @param centerYaml         overrides of {@code center.yaml} lines, "key: default" → "key: value"
     * @param backendOptions     more {@code backend serve} options (e.g. --confirmation-timeout)
     */
    FaultStack(Path state, String databaseUrl, Map<String, String> centerYaml, List<String> backendOptions)
            throws IOException, InterruptedException {
        this.shomei = new Launcher(state);
        this.databaseUrl = databaseUrl;
        this.backendOptions = List.copyOf(backendOptions);
        this.backendLink = new TcpProxy(apiPort);
        Launcher.Result data = shomei.run(COMMAND_TIMEOUT, concat(List.of("backend", "demo-data", "--residents", "10"), db()));
        if (data.exitCode() != 0) {
            throw new AssertionError("backend demo-data failed (" + data.exitCode() + "): " + data.stderr());
        }
        writeCenterYaml(centerYaml);
        OpenAllDay.write(shomei.state().resolve("center"));
    }

    /** Generous backend timeouts for a loaded 2-core machine, and reconciliation as given. */
    static Map<String, String> centerYaml(String... pairs) {
        Map<String, String> yaml = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            yaml.put(pairs[i], pairs[i + 1]);
        }
        return yaml;
    }

    private void writeCenterYaml(Map<String, String> overrides) throws IOException {
        // the fault tests reuse a few cards many times; the per-card limit has its own test
        String yaml = CenterSettings.DEFAULT_YAML.replace("issuances: 5 ", "issuances: 100000 ");
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!yaml.contains(e.getKey())) {
                throw new IllegalArgumentException("center.yaml has no line " + e.getKey());
            }
            yaml = yaml.replace(e.getKey(), e.getValue());
        }
        Path file = shomei.state().resolve("center").resolve(CenterSettings.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
    }

    DevPki pki() {
        return DevPki.ensure(shomei.state().resolve("pki"));
    }

    /** The JDBC URL the backend uses (the default SQLite file when none was given). */
    String jdbcUrl() {
        return databaseUrl != null ? databaseUrl
                : "jdbc:sqlite:" + shomei.state().resolve("backend").resolve("records.db");
    }

    synchronized void startBackend() throws IOException, InterruptedException {
        if (backend != null && backend.isAlive()) {
            throw new IllegalStateException("the backend runs already");
        }
        List<String> args = new ArrayList<>(List.of("backend", "serve", "--demo", "--api-port", String.valueOf(apiPort),
                "--console-port", String.valueOf(backendConsolePort), "--public-port", "0", "--issuer", "https://127.0.0.1:" + backendConsolePort));
        args.addAll(backendOptions);
        args.addAll(db());
        backend = shomei.start("backend", args.toArray(String[]::new));
        Ports.awaitListening(apiPort, backend, START_TIMEOUT, "backend");
    }

    /** {@code kill -9} of the backend's JVM; returns once it is gone. */
    synchronized void killBackend() throws InterruptedException {
        kill(backend);
    }

    synchronized boolean backendAlive() {
        return backend != null && backend.isAlive();
    }

    /** The center (first start: registers K0001..K0004); {@code javaOptions} for this start only. */
    synchronized void startCenter(String... javaOptions) throws IOException, InterruptedException {
        startCenter(Map.of(), javaOptions);
    }

    /**
     * The center with its wall clock shifted by {@code offset} (libfaketime's syntax: "+3h", "-20m")
     * while the kiosk and the backend keep real time; its monotonic clock stays real. Without
     * FAKETIME_FORCE_MONOTONIC_FIX=0 libfaketime 0.9.10 shifts the deadlines of the JVM's monotonic
     * condition waits although the monotonic clock is not shifted: every timed wait returned at once,
     * the JVM's threads spun, and the center took 24 s to start instead of 4.5 s.
     */
    synchronized void startCenterOnShiftedClock(String offset) throws IOException, InterruptedException {
        startCenter(Map.of("LD_PRELOAD", LibFaketime.require().toString(), "FAKETIME", offset,
                "FAKETIME_DONT_FAKE_MONOTONIC", "1", "FAKETIME_FORCE_MONOTONIC_FIX", "0"));
    }

    private void startCenter(Map<String, String> environment, String... javaOptions) throws IOException, InterruptedException {
        if (center != null && center.isAlive()) {
            throw new IllegalStateException("the center runs already");
        }
        center = shomei.start("center", List.of(javaOptions), environment, "center", "serve", "--demo", "--line-port",
                String.valueOf(linePort), "--console-port", String.valueOf(operatorPort),
                "--backend", "https://127.0.0.1:" + backendLink.port());
        Ports.awaitListening(linePort, center, START_TIMEOUT, "center");
    }

    synchronized boolean centerAlive() {
        return center != null && center.isAlive();
    }

    synchronized void killCenter() throws InterruptedException {
        kill(center);
    }

    String centerAddress() {
        return "127.0.0.1:" + linePort;
    }

    /** Runs a {@code ./shomei backend} command (e.g. audit-verify) against the same database. */
    Launcher.Result backendCommand(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("backend"));
        all.addAll(List.of(args));
        all.addAll(db());
        return shomei.run(COMMAND_TIMEOUT, all.toArray(String[]::new));
    }

    private List<String> db() {
        return databaseUrl == null ? List.of() : List.of("--db", databaseUrl);
    }

    private static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL: the launcher exec'd the JVM, so this is the component
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("process " + process.pid() + " survived kill -9");
            }
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        for (Process process : new Process[] {center, backend}) {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
        backendLink.close();
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }
}
