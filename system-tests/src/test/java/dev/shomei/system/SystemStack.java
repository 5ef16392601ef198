package dev.shomei.system;

import dev.shomei.center.CenterSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole system as separate JVMs on loopback, started through {@code ./shomei}: the record
 * backend (SQLite by default, or the JDBC URL given), the certificate center and, on request, a
 * kiosk. Free ports, one private state directory. {@link #close()} stops every process.
 */
final class SystemStack implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    /** The tests use the fixed demo residents; a few synthetic ones around them keep demo-data quick. */
    static final int SYNTHETIC_RESIDENTS_PER_WARD = 50;

    final Launcher launcher;
    final int apiPort = Ports.free();
    final int jwksPort = Ports.free();
    final int linePort = Ports.free();
    final int operatorPort = Ports.free();
    /** The backend's public trust endpoint (revocation lists, VDS-NC certificates). */
    final int trustPort = Ports.free();
    private final List<Process> processes = new ArrayList<>();

    private SystemStack(Path state) {
        this.launcher = new Launcher(state);
    }

    /** Demo data, then backend and center; {@code databaseUrl} null means the embedded SQLite. */
    static SystemStack start(Path state, String databaseUrl) throws IOException, InterruptedException {
        SystemStack stack = new SystemStack(state);
        try {
            List<String> db = databaseUrl == null ? List.of() : List.of("--db", databaseUrl);
            Launcher.Result data = stack.launcher.run(COMMAND_TIMEOUT, concat(List.of("backend", "demo-data",
                    "--residents", String.valueOf(SYNTHETIC_RESIDENTS_PER_WARD)), db));
            if (data.exitCode() != 0) {
                throw new AssertionError("backend demo-data failed (" + data.exitCode() + "): " + data.stdout() + data.stderr());
            }
            Process backend = stack.launcher.start("backend", concat(List.of("backend", "serve", "--demo",
                    "--api-port", String.valueOf(stack.apiPort), "--console-port", String.valueOf(stack.jwksPort),
                    "--public-port", String.valueOf(stack.trustPort),
                    "--issuer", "https://127.0.0.1:" + stack.jwksPort), db));
            stack.processes.add(backend);
            Ports.awaitListening(stack.apiPort, backend, START_TIMEOUT, "backend");
            Ports.awaitListening(stack.jwksPort, backend, START_TIMEOUT, "backend console");
            stack.configureCenter();
            Process center = stack.launcher.start("center", "center", "serve", "--demo",
                    "--line-port", String.valueOf(stack.linePort), "--console-port", String.valueOf(stack.operatorPort),
                    "--backend", "https://127.0.0.1:" + stack.apiPort);
            stack.processes.add(center);
            Ports.awaitListening(stack.linePort, center, START_TIMEOUT, "center");
            return stack;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The center's configuration as an operator would edit it: the defaults with backend timeouts
     * generous enough for a loaded 2-core test machine (the defaults assume a quiet server).
     */
    private void configureCenter() throws IOException {
        String yaml = CenterSettings.DEFAULT_YAML
                .replace("attempt-timeout: 3s", "attempt-timeout: 20s")
                .replace("deadline: 8s", "deadline: 60s")
                .replace("issuances: 5 ", "issuances: 100000 "); // the demo cards issue many times per test class
        Path file = launcher.state().resolve("center").resolve(CenterSettings.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        OpenAllDay.write(file.getParent());
    }

    String centerAddress() {
        return "127.0.0.1:" + linePort;
    }

    String jwksUrl() {
        return "https://127.0.0.1:" + jwksPort + "/.well-known/jwks.json";
    }

    Path state() {
        return launcher.state();
    }

    /** Starts one more long-running {@code ./shomei} process that {@link #close()} stops. */
    Process startProcess(String name, int port, String... args) throws IOException, InterruptedException {
        Process process = launcher.start(name, args);
        processes.add(process);
        Ports.awaitListening(port, process, START_TIMEOUT, name);
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        processes.clear();
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }
}
