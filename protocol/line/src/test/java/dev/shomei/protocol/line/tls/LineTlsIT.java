package dev.shomei.protocol.line.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineFixtures;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineServer;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.protocol.testing.LogCapture;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line over real sockets on 127.0.0.1: TLS 1.3 with mutual authentication against the dev
 * CA. Foreign CAs, TLS 1.2 and missing client certificates are refused; the right kiosk talks.
 */
class LineTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String TERMINAL = "KIOSK-0001";

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path otherPkiDir;

    private static DevPki pki;
    private static DevPki otherPki;

    private final Observed observed = new Observed();
    private LineServer server;

    @BeforeAll
    static void createPkis() {
        pki = DevPki.ensure(pkiDir);
        otherPki = DevPki.ensure(otherPkiDir);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theRightKioskCompletesTheHandshakeAndExchangesHelloAndAck() throws Exception {
        startServer(LineSettings.server());
        try (LineClient client = connect(pki.terminal(TERMINAL), pki.rootCaPem())) {
            LineMessage answer = client.request(new Hello(TERMINAL, "1.0.0"), TIMEOUT);
            assertEquals(Ack.of(MessageType.HELLO), answer);
            assertEquals("center", client.peerCommonName());
            assertEquals("TLSv1.3", client.channel().pipeline().get(SslHandler.class).engine().getSession().getProtocol());
        }
        assertEquals("ok", observed.handshakes.poll(10, TimeUnit.SECONDS));
        assertEquals(List.of(TERMINAL), observed.terminalIds, "terminal id = CN of the client certificate");
    }

    @Test
    void aMultiMegabytePdfCrossesTheLineIntact() {
        startServer(LineSettings.server());
        try (LineClient client = connect(pki.terminal(TERMINAL), pki.rootCaPem())) {
            IssueResponse response = (IssueResponse) client.request(LineFixtures.issueRequest(), TIMEOUT);
            assertArrayEquals(Observed.bigPdf(), response.pdf());
            assertEquals("tx-0001", response.transactionId());
        }
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefused() throws Exception {
        startServer(LineSettings.server());
        // the client trusts the right server; only its own certificate is foreign
        ShomeiException e = assertThrows(ShomeiException.class, () -> {
            try (LineClient client = connect(otherPki.terminal(TERMINAL), pki.rootCaPem())) {
                // TLS 1.3: the client finishes its side before the server has judged its certificate
                client.request(new Hello(TERMINAL, "1.0.0"), TIMEOUT);
            }
        });
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, e.code());
        assertServerRefusedTheHandshake("does not chain with any of the trust anchors");
    }

    @Test
    void aTls12ClientIsRefused() throws Exception {
        startServer(LineSettings.server());
        TlsIdentity kiosk = pki.terminal(TERMINAL);
        SslContext tls12 = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.2")
                .keyManager(kiosk.privateKey(), kiosk.certificate())
                .trustManager(pki.rootCaPem().toFile())
                .build();
        ShomeiException e = assertThrows(ShomeiException.class, () -> LineClient.connect("127.0.0.1",
                server.port(), tls12, LineSettings.client(), TIMEOUT));
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
        assertServerRefusedTheHandshake("protocol_version");
    }

    @Test
    void aClientWithoutACertificateIsRefused() throws Exception {
        startServer(LineSettings.server());
        SslContext anonymous = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .protocols(LineTls.PROTOCOL)
                .trustManager(pki.rootCaPem().toFile())
                .build();
        assertThrows(ShomeiException.class, () -> {
            try (LineClient client = LineClient.connect("127.0.0.1", server.port(), anonymous,
                    LineSettings.client(), TIMEOUT)) {
                client.request(new Hello(TERMINAL, "1.0.0"), TIMEOUT);
            }
        });
        assertServerRefusedTheHandshake("certificate_required");
    }

    @Test
    void aPortInUseIsRefusedWithTheAddressAndStopsTheEventLoops() throws InterruptedException {
        server = LineServer.start(new InetSocketAddress("127.0.0.1", 0),
                LineTls.serverContext(pki.centerServer(), pki.rootCaPem()), LineSettings.server(), () -> new CenterStub(observed));
        int taken = server.port();
        long loopsBefore = lineThreads();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LineServer.start(
                new InetSocketAddress("127.0.0.1", taken), LineTls.serverContext(pki.centerServer(), pki.rootCaPem()),
                LineSettings.server(), () -> new CenterStub(observed)));
        assertTrue(refused.getMessage().startsWith("the line server could not listen on 127.0.0.1:" + taken + " ("),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        long deadline = System.nanoTime() + TIMEOUT.toNanos(); // a stopped loop's thread ends just after its future
        while (lineThreads() > loopsBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(lineThreads() <= loopsBefore, "the refused server's event loop threads were stopped");
    }

    private static long lineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("line-accept") || t.getName().startsWith("line-io")).count();
    }

    @Test
    void theKioskRefusesACenterFromAnotherCa() {
        server = LineServer.start(new InetSocketAddress("127.0.0.1", 0),
                LineTls.serverContext(otherPki.centerServer(), otherPki.rootCaPem()), LineSettings.server(),
                () -> new CenterStub(observed));
        ShomeiException e = assertThrows(ShomeiException.class,
                () -> connect(pki.terminal(TERMINAL), pki.rootCaPem()));
        assertInstanceOf(SSLException.class, rootOrSsl(e), e.toString());
        assertTrue(e.getMessage().contains("trust anchors"), e.getMessage());
        assertTrue(observed.messages.isEmpty());
    }

    @Test
    void theKioskRefusesACertificateOfTheRightCaThatIsNoServerCertificateForThisHost() {
        // a terminal certificate: right CA, but no serverAuth purpose and no SAN for 127.0.0.1
        server = LineServer.start(new InetSocketAddress("127.0.0.1", 0),
                LineTls.serverContext(pki.terminal("ROGUE-1"), pki.rootCaPem()), LineSettings.server(),
                () -> new CenterStub(observed));
        ShomeiException e = assertThrows(ShomeiException.class, () -> connect(pki.terminal(TERMINAL), pki.rootCaPem()));
        assertTrue(e.getMessage().contains("TLS server authentication"), e.getMessage());
        assertTrue(observed.messages.isEmpty());
    }

    @Test
    void readerIdleTimeoutClosesTheConnection() throws Exception {
        startServer(LineSettings.server().withReaderIdleTimeout(Duration.ofSeconds(1)));
        try (LineClient client = connect(pki.terminal(TERMINAL), pki.rootCaPem())) {
            assertEquals(Ack.of(MessageType.HELLO), client.request(new Hello(TERMINAL, "1.0.0"), TIMEOUT));
            assertTrue(client.channel().closeFuture().await(10, TimeUnit.SECONDS), "the center hung up");
            assertFalse(client.isOpen());
            ShomeiException e = assertThrows(ShomeiException.class, () -> client.receive(TIMEOUT));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
    }

    @Test
    void garbageAfterTheHandshakeIsRefusedWithProtocolErrorAndClosed() throws Exception {
        startServer(LineSettings.server());
        try (LineClient client = connect(pki.terminal(TERMINAL), pki.rootCaPem())) {
            client.channel().writeAndFlush(Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n\r\n".getBytes()));
            assertEquals(new Refusal("", ErrorCode.PROTOCOL_ERROR), client.receive(TIMEOUT));
            assertTrue(client.channel().closeFuture().await(10, TimeUnit.SECONDS));
        }
        assertTrue(observed.messages.isEmpty());
    }

    /**
     * What connects without speaking TLS is logged once and without its bytes: a client that sends
     * plain HTTP (Netty's own message would be a hex dump of its request), one that says nothing until
     * the handshake times out, and a health check that connects and closes (DEBUG only: a load
     * balancer does that once a second).
     */
    @Test
    void aPeerThatDoesNotSpeakTlsIsLoggedOnceAndWithoutWhatItSent() throws Exception {
        startServer(LineSettings.server().withHandshakeTimeout(Duration.ofMillis(500)));
        List<String> lines;
        try (LogCapture guardLog = LogCapture.of(dev.shomei.protocol.line.transport.LineGuard.class)) {
            byte[] request = "GET /?name=YAMADA HTTP/1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            try (java.net.Socket plain = new java.net.Socket("127.0.0.1", server.port())) {
                plain.getOutputStream().write(request);
                assertTrue(closedByThePeer(plain), "closed by the center");
            }
            try (java.net.Socket silent = new java.net.Socket("127.0.0.1", server.port())) {
                assertTrue(closedByThePeer(silent), "closed after the handshake timeout");
            }
            new java.net.Socket("127.0.0.1", server.port()).close();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (guardLog.messages().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            lines = guardLog.messages();
        }
        String hex = java.util.HexFormat.of().formatHex("YAMADA".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("INFO ") && lines.get(0).contains("does not speak TLS"), lines.get(0));
        assertTrue(lines.get(1).startsWith("INFO ") && lines.get(1).contains("no TLS handshake within"), lines.get(1));
        assertTrue(lines.get(2).startsWith("FINE ") && lines.get(2).contains("closed before the TLS handshake"),
                lines.get(2));
        for (String line : lines) {
            assertFalse(line.contains(hex) || line.toUpperCase(java.util.Locale.ROOT).contains(hex.toUpperCase(
                    java.util.Locale.ROOT)) || line.contains("YAMADA"), line);
        }
    }

    /** The end of the stream, or a reset (a peer that closes with unread bytes in its buffer resets). */
    private static boolean closedByThePeer(java.net.Socket socket) throws java.io.IOException {
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        try {
            return socket.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    @Test
    void closingTheServerClosesItsConnectionsGracefully() throws Exception {
        startServer(LineSettings.server());
        try (LineClient client = connect(pki.terminal(TERMINAL), pki.rootCaPem())) {
            assertEquals(Ack.of(MessageType.HELLO), client.request(new Hello(TERMINAL, "1.0.0"), TIMEOUT));
            assertEquals(1, server.connectionCount());
            server.close();
            server = null;
            assertTrue(client.channel().closeFuture().await(10, TimeUnit.SECONDS));
            assertThrows(ShomeiException.class, () -> client.receive(TIMEOUT));
        }
    }

    private void startServer(LineSettings settings) {
        server = LineServer.start(new InetSocketAddress("127.0.0.1", 0),
                LineTls.serverContext(pki.centerServer(), pki.rootCaPem()), settings, () -> new CenterStub(observed), 1);
    }

    private LineClient connect(TlsIdentity identity, Path trustedCa) {
        return LineClient.connect("127.0.0.1", server.port(), LineTls.clientContext(identity, trustedCa),
                LineSettings.client(), TIMEOUT);
    }

    private void assertServerRefusedTheHandshake(String why) throws InterruptedException {
        String outcome = observed.handshakes.poll(10, TimeUnit.SECONDS);
        assertNotNull(outcome, "the server saw a handshake");
        assertTrue(outcome.startsWith("failed") && outcome.contains(why), outcome);
        assertTrue(observed.messages.isEmpty(), "no message reached the center's handler");
    }

    private static Throwable rootOrSsl(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return t;
            }
        }
        return e;
    }

    /** What the center's side saw, across connections. */
    static final class Observed {
        final BlockingQueue<String> handshakes = new LinkedBlockingQueue<>();
        final List<LineMessage> messages = new CopyOnWriteArrayList<>();
        final List<String> terminalIds = new CopyOnWriteArrayList<>();

        static byte[] bigPdf() {
            byte[] pdf = new byte[3 * 1024 * 1024];
            for (int i = 0; i < pdf.length; i++) {
                pdf[i] = (byte) (i * 31 + (i >>> 13));
            }
            return pdf;
        }
    }

    /** A minimal center: acks a matching Hello, answers an IssueRequest with a 3 MiB PDF. */
    static final class CenterStub extends SimpleChannelInboundHandler<LineMessage> {
        private final Observed observed;

        CenterStub(Observed observed) {
            this.observed = observed;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            ctx.pipeline().get(SslHandler.class).handshakeFuture().addListener(f -> observed.handshakes.add(
                    f.isSuccess() ? "ok" : "failed: " + f.cause()));
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, LineMessage message) {
            observed.messages.add(message);
            Function<LineMessage, LineMessage> answer = m -> switch (m) {
                case Hello hello -> {
                    String terminalId = PeerIdentity.terminalId(ctx.channel());
                    observed.terminalIds.add(terminalId);
                    yield terminalId.equals(hello.terminalId())
                            ? Ack.of(MessageType.HELLO)
                            : new Refusal("", ErrorCode.TERMINAL_DISABLED);
                }
                case IssueRequest request -> new IssueResponse(request.transactionId(), List.of("C-1"), 120, 1,
                        LineFixtures.issueResponse().summary(), Observed.bigPdf());
                default -> new Refusal("", ErrorCode.INVALID_REQUEST);
            };
            ctx.writeAndFlush(answer.apply(message));
        }
    }
}
