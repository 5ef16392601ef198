package dev.shomei.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Free loopback ports for the processes under test, and waiting for them to listen.
 *
 * <p>The ports come from below the kernel's ephemeral range ({@code ip_local_port_range}), handed out
 * in turn and never twice in one JVM. A test that kills a process and starts it again on the same
 * port needs that port to stay free while the process is down, and an ephemeral one may not: any
 * {@code bind} to port 0 on the machine may take it (the restarted backend binds its own public
 * socket to port 0 just before its API port). A CI run failed so: the killed backend, started again,
 * could not listen on its API port. Below the range the kernel never hands a port out by itself.
 */
public final class Ports {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int SPAN = 8_000;
    private static final int FIRST = firstBelowEphemeralRange();
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(SPAN));

    private Ports() {
    }

    /** A port nothing listens on now and that no earlier call returned. */
    public static int free() {
        for (int tries = 0; tries < SPAN; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement(), SPAN);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return port;
            } catch (IOException inUse) {
                // taken by another process: the next one
            }
        }
        throw new IllegalStateException("no free port in " + FIRST + ".." + (FIRST + SPAN - 1));
    }

    /**
     * The first of {@link #SPAN} ports just below the ephemeral range (which starts at 32768 when the
     * file cannot be read), and above every port Chromium refuses to load a page from (its list ends
     * at 10080: the kiosk screen on port 6000 was ERR_UNSAFE_PORT).
     */
    private static int firstBelowEphemeralRange() {
        int ephemeralLow = 32_768;
        try {
            // not Files.readString: it trusts the file's size, which /proc reports as 0, and returned "3"
            ephemeralLow = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            // not Linux: Linux's default start
        }
        return Math.max(10_081, ephemeralLow - SPAN);
    }

    /** Waits until something accepts on 127.0.0.1:{@code port}; fails when {@code process} dies first. */
    public static void awaitListening(int port, Process process, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(what + " exited with " + process.exitValue() + " before listening on " + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError(what + " did not listen on " + port + " within " + timeout);
    }
}
