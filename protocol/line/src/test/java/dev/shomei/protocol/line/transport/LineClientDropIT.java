package dev.shomei.protocol.line.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A center that dies while a kiosk connects: the connection is accepted and reset at once (what a
 * kill -9 does to connections still in the listen queue), or dropped in the middle of the TLS
 * handshake. Every attempt must fail as CENTER_UNAVAILABLE — never with another exception, whichever
 * of the client's threads notices the reset first (the pipeline of a closed channel is empty).
 */
class LineClientDropIT {
    private static final int ATTEMPTS = 200;

    @TempDir
    static Path pkiDir;
    private static SslContext clientTls;
    private static final EventLoopGroup group = EventLoops.newGroup("drop-test", 1);

    @BeforeAll
    static void pki() {
        DevPki pki = DevPki.ensure(pkiDir);
        clientTls = LineTls.clientContext(pki.terminal("K0001"), pki.rootCaPem());
    }

    @Test
    void aConnectionResetRightAfterAcceptIsUnavailable() throws Exception {
        try (DroppingServer server = new DroppingServer(0)) {
            for (int i = 0; i < ATTEMPTS; i++) {
                assertUnavailable(server.port());
            }
        }
    }

    @Test
    void aConnectionDroppedDuringTheHandshakeIsUnavailable() throws Exception {
        try (DroppingServer server = new DroppingServer(1)) {
            for (int i = 0; i < ATTEMPTS / 4; i++) {
                assertUnavailable(server.port());
            }
        }
    }

    @AfterAll
    static void stopGroup() {
        EventLoops.shutdownGracefully(group, Duration.ofSeconds(5));
    }

    /** One event loop for every attempt (a client's own loop takes a while to shut down; the code path is the same). */
    private static void assertUnavailable(int port) {
        ShomeiException e = assertThrows(ShomeiException.class, () -> LineClient.connect(group, "127.0.0.1", port,
                clientTls, LineSettings.client(), Duration.ofSeconds(5)).close());
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, e.code());
    }

    /** Accepts, reads {@code bytesBeforeReset} bytes (0: none), then resets the connection. */
    private static final class DroppingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicBoolean open = new AtomicBoolean(true);
        private final Thread acceptor;

        DroppingServer(int bytesBeforeReset) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (open.get()) {
                    try (Socket accepted = socket.accept()) {
                        accepted.setSoLinger(true, 0); // close = RST
                        InputStream in = accepted.getInputStream();
                        for (int i = 0; i < bytesBeforeReset && in.read() >= 0; i++) {
                            // reading the start of the ClientHello
                        }
                    } catch (IOException e) {
                        // the server was closed, or the client went first
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            open.set(false);
            socket.close();
            acceptor.join(5_000);
        }
    }
}
