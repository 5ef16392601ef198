package dev.shomei.system.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code ./shomei} commands against one private state directory, as the system tests'
 * launcher does (no rebuild, private tmpdir, C1 only), for the fault tests' own package. The
 * launcher {@code exec}s the JVM, so a started {@link Process} is the component itself and
 * {@link Process#destroyForcibly()} is a real {@code kill -9} of it.
 */
final class Shomei {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final Path root;
    final Path state;

    Shomei(Path state) {
        this.root = Path.of(System.getProperty("shomei.root", "..")).toAbsolutePath().normalize();
        this.state = state.toAbsolutePath();
    }

    Path logs() {
        return state.resolve("test-logs");
    }

    Path tmp() {
        return state.resolve("tmp");
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    Result run(Duration timeout, String... args) throws IOException, InterruptedException {
        String name = SEQUENCE.incrementAndGet() + "-" + args[0];
        Path out = logs().resolve(name + ".out");
        Path err = logs().resolve(name + ".err");
        Process process = builder(List.of(), args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("./shomei " + args[0] + " did not finish in " + timeout + "; see " + err);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A long-running command; its output is appended to {@code <logs>/<name>.log} (restarts add to it). */
    Process start(String name, String... args) throws IOException {
        Path log = logs().resolve(name + ".log");
        return builder(List.of(), args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** {@link #start} with extra JVM options (e.g. {@code -Duser.timezone}). */
    Process start(String name, List<String> javaOptions, String... args) throws IOException {
        Path log = logs().resolve(name + ".log");
        return builder(javaOptions, args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
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
        builder.environment().put("SHOMEI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp() + " -XX:TieredStopAtLevel=1 "
                + String.join(" ", javaOptions));
        builder.environment().remove("SHOMEI_DB_URL");
        return builder;
    }
}
