package dev.shomei.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code ./shomei} commands the way a person would, against one private state directory.
 * {@code SHOMEI_NO_BUILD=1}: the Maven build running these tests has already built every module.
 * Each command's output goes to a log file under {@code <state>/test-logs}, which the leftover
 * scans read too.
 */
public final class Launcher {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Path root;
    private final Path state;

    public Launcher(Path state) {
        this.root = Path.of(System.getProperty("shomei.root", "..")).toAbsolutePath().normalize();
        this.state = state.toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    public Path state() {
        return state;
    }

    /** Where the commands' output goes; the leftover scans read it. */
    public Path logs() {
        return state.resolve("test-logs");
    }

    /**
     * {@code ./shomei verify} prints what a certificate says, by design: it is the verifier's
     * machine, not the kiosk's or the center's, so its output is kept apart from the scanned logs.
     */
    public Path verifierLogs() {
        return state.resolve("verifier-logs");
    }

    /** The launched JVMs' {@code java.io.tmpdir}: private to this test, so the leftover scan can read all of it. */
    public Path tmp() {
        return state.resolve("tmp");
    }

    /** The finished command: exit code and what it printed on stdout and stderr. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String lastLine() {
            String[] lines = stdout.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /** Runs a command to its end (at most {@code timeout}). */
    public Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        String name = SEQUENCE.incrementAndGet() + "-" + args[0];
        Path dir = "verify".equals(args[0]) ? verifierLogs() : logs();
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("./shomei " + args[0] + " did not finish in " + timeout + "; see " + err);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs a command to its end with {@code input} on its standard input (a password with --password-stdin). */
    public Result runWithInput(Duration timeout, String input, String... args) throws IOException, InterruptedException {
        String name = SEQUENCE.incrementAndGet() + "-" + args[0];
        Path out = logs().resolve(name + ".out");
        Path err = logs().resolve(name + ".err");
        Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("./shomei " + args[0] + " did not finish in " + timeout + "; see " + err);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Starts a long-running command (a server); its output is appended to {@code <logs>/<name>.log}
     * (a restart adds to it). The launcher {@code exec}s the JVM, so the {@link Process} is the
     * component itself: {@link Process#destroyForcibly()} is a real {@code kill -9} of it.
     */
    public Process start(String name, String... args) throws IOException {
        return start(name, List.of(), args);
    }

    /** {@link #start(String, String...)} with extra JVM options (e.g. {@code -Duser.timezone}). */
    public Process start(String name, List<String> javaOptions, String... args) throws IOException {
        return start(name, javaOptions, Map.of(), args);
    }

    /** {@link #start(String, List, String...)} with extra environment variables (e.g. libfaketime's). */
    public Process start(String name, List<String> javaOptions, Map<String, String> environment, String... args)
            throws IOException {
        Path log = logs().resolve(name + ".log");
        ProcessBuilder builder = builder(javaOptions, args);
        builder.environment().putAll(environment);
        return builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private ProcessBuilder builder(String... args) throws IOException {
        return builder(List.of(), args);
    }

    private ProcessBuilder builder(List<String> javaOptions, String... args) throws IOException {
        Files.createDirectories(logs());
        Files.createDirectories(tmp());
        List<String> command = new ArrayList<>();
        command.add(root.resolve("shomei").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().put("SHOMEI_STATE", state.toString());
        builder.environment().put("SHOMEI_NO_BUILD", "1");
        // C1 only: these JVMs are short commands or test servers; it halves their start-up on 2 cores
        builder.environment().put("SHOMEI_JAVA_OPTS", String.join(" ", "-Djava.io.tmpdir=" + tmp(), "-XX:TieredStopAtLevel=1",
                String.join(" ", javaOptions)).strip());
        builder.environment().remove("SHOMEI_DB_URL");
        return builder;
    }
}
