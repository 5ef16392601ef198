package dev.shomei.system.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that sits on a link of the system (kiosk → center, center → backend) and
 * breaks it on request. It sees TLS records only, so faults are about bytes and time: the
 * <em>answers</em> (upstream → client) can be held back, or a connection cut after N bytes of answer.
 * Everything else passes unchanged.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean holdAnswers;
    private volatile long cutAfterAnswerBytes = -1;
    /** Answer bytes that may still pass before the next cut. */
    private final AtomicLong budget = new AtomicLong();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicInteger cutsDone = new AtomicInteger();
    private final AtomicLong answerBytes = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean down;

    TcpProxy(int upstreamPort) {
        this.upstreamPort = upstreamPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().name("proxy-accept-" + port()).start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** While true, nothing the upstream answers reaches the client (it is delivered once released). */
    void holdAnswers(boolean hold) {
        this.holdAnswers = hold;
    }

    /**
     * From now on, after {@code bytes} more answer bytes the connection carrying them is cut (both
     * ways), {@code times} times over (each cut grants the next connection {@code bytes} again).
     */
    synchronized void cutAnswersAfter(long bytes, int times) {
        budget.set(bytes);
        cutAfterAnswerBytes = bytes;
        cutsLeft.set(times);
    }

    /** How many answer bytes of this chunk may pass; -1 when all of it. Cuts are counted here. */
    private synchronized int allowed(int n) {
        if (cutsLeft.get() <= 0) {
            return -1;
        }
        long left = budget.get();
        if (n <= left) {
            budget.addAndGet(-n);
            return -1;
        }
        cutsLeft.decrementAndGet();
        cutsDone.incrementAndGet();
        budget.set(cutAfterAnswerBytes);
        return (int) Math.max(0, left);
    }

    int cutsDone() {
        return cutsDone.get();
    }

    long answerBytes() {
        return answerBytes.get();
    }

    /** A line that is down: open connections are cut and new ones closed at once, until {@code down(false)}. */
    void down(boolean down) {
        this.down = down;
        if (down) {
            cutAll();
        }
    }

    /** Cuts every open connection at once (a broken line). */
    void cutAll() {
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (down) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 5000);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream, false));
                Thread.ofVirtual().start(() -> pump(upstream, client, true));
            } catch (IOException e) {
                closeQuietly(client); // upstream down: the client sees the connection refused-like close
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (answers) {
                    while (holdAnswers && !closed && !to.isClosed()) {
                        Thread.sleep(20);
                    }
                    int allowed = allowed(n);
                    if (allowed >= 0) {
                        out.write(buffer, 0, allowed);
                        out.flush();
                        break;
                    }
                    answerBytes.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: close the other below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        cutAll();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
