package dev.shomei.protocol.abuse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Connections held against an HTTPS server while a test measures a legitimate user: idle TCP
 * connections that never start TLS, and TLS connections whose request header grows by one byte
 * per second and never ends (slow-loris). Close it to release them all.
 */
public final class HttpFlood implements AutoCloseable {
    private final List<Socket> idle = new ArrayList<>();
    private final List<Socket> slow = new ArrayList<>();
    private final Thread dribbler;

    private HttpFlood(int port, SSLContext tls, int idleTcp, int slowTls) throws IOException {
        for (int i = 0; i < idleTcp; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            idle.add(socket);
        }
        for (int i = 0; i < slowTls; i++) {
            SSLSocket socket = RawTls.connect(tls, port);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            slow.add(socket);
        }
        dribbler = Thread.ofVirtual().start(this::dribble);
    }

    /** Opens {@code idleTcp} idle and {@code slowTls} slow-header connections to 127.0.0.1:{@code port}. */
    public static HttpFlood start(int port, SSLContext tls, int idleTcp, int slowTls) throws IOException {
        return new HttpFlood(port, tls, idleTcp, slowTls);
    }

    /** How many slow connections the server has closed so far (a write failed). */
    public int slowClosedByServer() {
        return (int) slow.stream().filter(Socket::isClosed).count();
    }

    private void dribble() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Socket socket : slow) {
                    if (socket.isClosed()) {
                        continue;
                    }
                    try {
                        socket.getOutputStream().write('a');
                        socket.getOutputStream().flush();
                    } catch (IOException closedByServer) {
                        closeQuietly(socket);
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        dribbler.interrupt();
        idle.forEach(HttpFlood::closeQuietly);
        slow.forEach(HttpFlood::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
