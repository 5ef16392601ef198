package dev.shomei.record.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code BackendCli} in a separate JVM, as the launcher runs it, so that a test can {@code kill -9}
 * it. Its output lines are collected; {@link #awaitLine} waits for one.
 */
public final class ChildBackend implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildBackend(Process process) {
        this.process = process;
        pump(process.getInputStream());
        pump(process.getErrorStream());
    }

    /** Starts {@code BackendCli args...} with {@code -Dshomei.state=state}. */
    public static ChildBackend start(Path state, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dshomei.state=" + state);
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.shomei.record.cli.BackendCli");
        command.addAll(List.of(args));
        return new ChildBackend(new ProcessBuilder(command).start());
    }

    /** Waits until a line matches (or the process ends or the time runs out); returns the line. */
    public String awaitLine(Predicate<String> match, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        for (String line : lines) {
            if (match.test(line)) {
                return line;
            }
        }
        throw new AssertionError("child backend did not print the expected line; exit "
                + (process.isAlive() ? "none (still running)" : process.exitValue()) + ", output:\n" + String.join("\n", lines));
    }

    public long countLines(Predicate<String> match) {
        return lines.stream().filter(match).count();
    }

    /** {@code kill -9}: no shutdown hook, no cleanup. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child backend did not die");
        }
    }

    public int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child backend did not finish in " + seconds + " s:\n" + String.join("\n", lines));
        }
        return process.exitValue();
    }

    public List<String> output() {
        return List.copyOf(lines);
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void pump(InputStream stream) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died
            }
        }, "child-backend-output");
        thread.setDaemon(true);
        thread.start();
    }
}
