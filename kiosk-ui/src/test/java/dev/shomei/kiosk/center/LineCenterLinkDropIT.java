package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityCatalogRequest;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.codec.FrameFormat;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.LineServer;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line dropping at every point of an issue exchange, deterministically: at TCP accept, in the
 * TLS handshake, on Hello, after the request arrived, and halfway through the answer's frame. The
 * kiosk must see CENTER_UNAVAILABLE every time (the resident is told the center cannot be reached,
 * never "a system error"), and the link must work again once a center answers.
 */
class LineCenterLinkDropIT {
    private static final String TERMINAL = "K0001";

    /** Where the fake center drops the connection. */
    enum DropPoint { ON_ACCEPT, IN_HANDSHAKE, ON_HELLO, ON_REQUEST, MID_ANSWER }

    @TempDir
    static Path pkiDir;
    private static SslContext serverTls;
    private static SslContext kioskTls;

    private final List<AutoCloseable> servers = new ArrayList<>();
    private LineCenterLink link;

    @BeforeAll
    static void pki() {
        DevPki pki = DevPki.ensure(pkiDir);
        serverTls = LineTls.serverContext(pki.centerServer(), pki.rootCaPem());
        kioskTls = LineTls.clientContext(pki.terminal(TERMINAL), pki.rootCaPem());
    }

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DropPoint.class)
    void aCenterThatAlwaysDropsIsUnavailable(DropPoint point) throws Exception {
        CenterAddress center = dropping(point, Integer.MAX_VALUE);
        link = link(center);
        // first with nothing open, then (for drops after Hello) with the line already open
        for (int i = 0; i < 3; i++) {
            ShomeiException e = assertThrows(ShomeiException.class, () -> link.issue(request("tx-drop")));
            assertEquals(ErrorCode.CENTER_UNAVAILABLE, e.code(), "drop " + point + ", attempt " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(DropPoint.class)
    void afterADropTheNextCenterAnswers(DropPoint point) throws Exception {
        CenterAddress first = dropping(point, Integer.MAX_VALUE);
        CenterAddress second = dropping(point, 0);
        link = link(first, second);
        assertEquals("tx-next", link.issue(request("tx-next")).transactionId(), "drop " + point);
    }

    @ParameterizedTest
    @EnumSource(value = DropPoint.class, names = {"ON_HELLO", "ON_REQUEST", "MID_ANSWER"})
    void aCenterThatDroppedOnceAnswersTheNextRequest(DropPoint point) throws Exception {
        CenterAddress center = dropping(point, 1);
        link = link(center);
        if (point == DropPoint.ON_HELLO) {
            // no line was ever open: nothing to retry on, the kiosk is told at once
            ShomeiException e = assertThrows(ShomeiException.class, () -> link.reportOutcome(PrintOutcome.printed("tx-1")));
            assertEquals(ErrorCode.CENTER_UNAVAILABLE, e.code());
        } else {
            link.reportOutcome(PrintOutcome.printed("tx-1")); // dropped, then sent once more on a new line
        }
        assertEquals("tx-again", link.issue(request("tx-again")).transactionId(), "drop " + point);
    }

    // --- helpers -------------------------------------------------------------------------------

    private CenterAddress dropping(DropPoint point, int drops) throws IOException {
        return switch (point) {
            case ON_ACCEPT, IN_HANDSHAKE -> {
                if (drops == 0) {
                    yield lineCenter(null, 0);
                }
                RawDropper raw = new RawDropper(point == DropPoint.ON_ACCEPT ? 0 : 1);
                servers.add(raw);
                yield new CenterAddress("127.0.0.1", raw.port());
            }
            default -> lineCenter(point, drops);
        };
    }

    private CenterAddress lineCenter(DropPoint point, int drops) {
        AtomicInteger left = new AtomicInteger(drops);
        LineServer server = LineServer.start(new InetSocketAddress("127.0.0.1", 0), serverTls, LineSettings.server(),
                () -> new DroppingHandler(point, left));
        servers.add(server::close);
        return new CenterAddress("127.0.0.1", server.port());
    }

    private LineCenterLink link(CenterAddress... centers) {
        return new LineCenterLink(List.of(centers), kioskTls, TERMINAL, "test/1", Duration.ofSeconds(5));
    }

    private static IssueRequest request(String transactionId) {
        return new IssueRequest(transactionId, FakeCenter.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                FakeCard.EF0001, FakeCard.EF0002, FakeCard.EF0003, FakeCard.EF0004);
    }

    /** Answers like a center, except that it drops the connection at its point while drops are left. */
    private static final class DroppingHandler extends SimpleChannelInboundHandler<LineMessage> {
        private final DropPoint point;
        private final AtomicInteger dropsLeft;

        DroppingHandler(DropPoint point, AtomicInteger dropsLeft) {
            this.point = point;
            this.dropsLeft = dropsLeft;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, LineMessage message) {
            boolean hello = message instanceof Hello;
            if (hello == (point == DropPoint.ON_HELLO) && dropsLeft.getAndDecrement() > 0) {
                if (point == DropPoint.MID_ANSWER) {
                    // a valid frame header announcing a payload that never comes
                    byte[] header = {FrameFormat.MAGIC_0, FrameFormat.MAGIC_1, FrameFormat.VERSION,
                            (byte) MessageType.ISSUE_RESPONSE.code(), 0, 0, 0, 100};
                    ctx.writeAndFlush(Unpooled.wrappedBuffer(header)).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.close();
                }
                return;
            }
            ctx.writeAndFlush(switch (message) {
                case Hello ignored -> Ack.of(MessageType.HELLO);
                case MunicipalityCatalogRequest ignored -> new MunicipalityCatalogResponse(FakeCenter.defaultMunicipalities());
                case IssueRequest request -> FakeCenter.certificate(request);
                case PrintOutcome outcome -> new Ack(MessageType.PRINT_OUTCOME, outcome.transactionId());
                default -> Ack.of(MessageType.HEARTBEAT);
            });
        }
    }

    /** Accepts and resets, after reading {@code bytesBeforeReset} bytes of the TLS ClientHello. */
    private static final class RawDropper implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread acceptor;

        RawDropper(int bytesBeforeReset) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!socket.isClosed()) {
                    try (Socket accepted = socket.accept()) {
                        accepted.setSoLinger(true, 0);
                        InputStream in = accepted.getInputStream();
                        for (int i = 0; i < bytesBeforeReset && in.read() >= 0; i++) {
                            // the start of the ClientHello
                        }
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            acceptor.join(5_000);
        }
    }
}
