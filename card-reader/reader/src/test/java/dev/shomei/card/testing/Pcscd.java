package dev.shomei.card.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.shomei.card.sim.VpcdClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The real pcscd with the vsmartcard vpcd driver, for integration tests only: pcscd's vpcd listens
 * on every interface, so it is started here ({@code pcscd -f}, a child process) and stopped after.
 * An already running pcscd is reused and left alone.
 */
public final class Pcscd implements AutoCloseable {
    public static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/pcscd"), Path.of("/usr/bin/pcscd"));
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    public static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
    public static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1"), Path.of("/usr/lib/aarch64-linux-gnu/libpcsclite.so.1"),
            Path.of("/usr/lib64/libpcsclite.so.1"), Path.of("/usr/lib/libpcsclite.so.1"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path log;

    private Pcscd(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** What is missing for the test, if anything (Debian: apt-get install pcscd libpcsclite1 vsmartcard-vpcd). */
    public static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (BINARIES.stream().noneMatch(Files::isExecutable)) {
            missing.add("pcscd (package pcscd)");
        }
        if (!Files.exists(VPCD_DRIVER) || !Files.exists(VPCD_CONFIG)) {
            missing.add("the vpcd driver " + VPCD_DRIVER + " + " + VPCD_CONFIG + " (package vsmartcard-vpcd)");
        }
        if (LIBRARIES.stream().noneMatch(Files::exists)) {
            missing.add("libpcsclite.so.1 (package libpcsclite1)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    /** In CI a missing pcscd fails the test; elsewhere the test is skipped with the reason. */
    public static void requireOrSkip() {
        missing().ifPresent(reason -> {
            String message = "real pcscd + vpcd test needs " + reason;
            if (isCi()) {
                fail(message + " (CI=true: installing them is part of the CI set-up, see .ci/apt-packages)");
            }
            Assumptions.abort(message + "; skipped outside CI");
        });
    }

    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("CI"));
    }

    public static boolean isRunning() {
        return ProcessHandle.allProcesses().anyMatch(Pcscd::isPcscd);
    }

    private static boolean isPcscd(ProcessHandle process) {
        return process.info().command().map(c -> c.equals("pcscd") || c.endsWith("/pcscd")).orElse(false);
    }

    /** Starts {@code pcscd -f} unless one runs already, and waits until vpcd accepts a card. */
    public static Pcscd startOrReuse(Path log) throws IOException, InterruptedException {
        Process process = null;
        if (!isRunning()) {
            Path binary = BINARIES.stream().filter(Files::isExecutable).findFirst().orElseThrow();
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(binary.toString(), "-f").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        }
        Pcscd pcscd = new Pcscd(process, log);
        try {
            pcscd.awaitVpcd();
        } catch (IOException | InterruptedException e) {
            pcscd.close();
            throw e;
        }
        return pcscd;
    }

    public boolean startedHere() {
        return process != null;
    }

    /**
     * Waits until pcscd itself listens on vpcd's port and the port accepts. The owner matters: the
     * port lies in Linux's ephemeral range, and when another socket had it, vpcd could not listen,
     * yet a probe connected to that other socket ({@code ./shomei test} reserves the port as root).
     * Read from {@code /proc}, not PC/SC: the JDK keeps one PC/SC context per JVM, which goes stale
     * when an earlier test's pcscd stops.
     */
    private void awaitVpcd() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IOException("pcscd exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (process != null && Files.readString(log).contains("Address already in use")) {
                throw new IOException("vpcd could not listen on " + VpcdClient.DEFAULT_PORT + ": another socket holds the port."
                        + " Keep it out of the ephemeral range: sysctl -w net.ipv4.ip_local_reserved_ports="
                        + VpcdClient.DEFAULT_PORT + " (./shomei test does this when run as root)");
            }
            if (pcscdListens()) {
                try (Socket probe = new Socket()) {
                    // vpcd takes this as a card inserted and at once removed: harmless
                    probe.connect(new InetSocketAddress("127.0.0.1", VpcdClient.DEFAULT_PORT), 500);
                    return;
                } catch (IOException notYet) {
                    // listening, not accepting yet
                }
            }
            Thread.sleep(100);
        }
        throw new IOException("vpcd did not listen on " + VpcdClient.DEFAULT_PORT + " within " + START_TIMEOUT.toSeconds()
                + " s" + (process != null ? ":\n" + Files.readString(log) : " (the running pcscd may lack vpcd)"));
    }

    /**
     * Whether a pcscd process owns a socket listening on vpcd's port. Where another user's pcscd
     * cannot be looked into, a listening socket is taken as its.
     */
    private static boolean pcscdListens() throws IOException {
        Set<String> listening = new HashSet<>();
        String port = String.format(":%04X", VpcdClient.DEFAULT_PORT);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file).stream().skip(1).toList()) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(port) && fields[3].equals("0A")) { // 0A: LISTEN
                    listening.add("socket:[" + fields[9] + "]");
                }
            }
        }
        if (listening.isEmpty()) {
            return false;
        }
        return ProcessHandle.allProcesses().filter(Pcscd::isPcscd).anyMatch(pcscd -> {
            try (var descriptors = Files.list(Path.of("/proc", Long.toString(pcscd.pid()), "fd"))) {
                return descriptors.anyMatch(fd -> {
                    try {
                        return listening.contains(Files.readSymbolicLink(fd).toString());
                    } catch (IOException gone) {
                        return false;
                    }
                });
            } catch (java.nio.file.AccessDeniedException notOurs) {
                return true;
            } catch (IOException gone) {
                return false;
            }
        });
    }

    /** Stops pcscd if it was started here. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
