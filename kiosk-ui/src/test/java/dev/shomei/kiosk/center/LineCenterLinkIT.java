package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityCatalogRequest;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.tls.PeerIdentity;
import dev.shomei.protocol.line.transport.LineServer;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's line to the center over real TLS 1.3 sockets: requests, refusals and failover. */
class LineCenterLinkIT {
    private static final String TERMINAL = "K0001";

    @TempDir
    static Path pkiDir;
    private static DevPki pki;
    private static SslContext serverTls;
    private static SslContext kioskTls;

    private final List<ScriptedCenter> centers = new ArrayList<>();
    private LineCenterLink link;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
        serverTls = LineTls.serverContext(pki.centerServer(), pki.rootCaPem());
        kioskTls = LineTls.clientContext(pki.terminal(TERMINAL), pki.rootCaPem());
    }

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        centers.forEach(ScriptedCenter::close);
    }

    @Test
    void everyRequestGetsItsAnswer() {
        ScriptedCenter center = start();
        link = link(center.address());
        assertEquals(FakeCenter.defaultMunicipalities(), link.municipalities());
        IssueResponse response = link.issue(request("tx-1"));
        assertEquals("tx-1", response.transactionId());
        link.reportOutcome(PrintOutcome.printed("tx-1"));
        link.heartbeat(heartbeat());
        assertEquals(List.of(TERMINAL), center.hellos);
        assertEquals(List.of(MessageType.MUNICIPALITY_CATALOG_REQUEST, MessageType.ISSUE_REQUEST,
                MessageType.PRINT_OUTCOME, MessageType.HEARTBEAT), center.received);
        assertEquals(TERMINAL, center.peerNames.get(0), "the kiosk authenticates with its terminal certificate");
    }

    @Test
    void aLostCenterFailsOverToTheNextWithTheSameTransaction() {
        ScriptedCenter first = start();
        ScriptedCenter second = start();
        link = link(first.address(), second.address());
        link.municipalities();
        assertEquals(first.address().toString(), link.connectedCenter().toString());
        first.hangUpOnIssue = true;
        IssueResponse response = link.issue(request("tx-failover"));
        assertEquals("tx-failover", response.transactionId());
        assertEquals(List.of("tx-failover"), first.transactions, "the first center got it and broke");
        assertEquals(List.of("tx-failover"), second.transactions, "the retry reused the transaction id");
        assertEquals(second.address().toString(), link.connectedCenter().toString());
    }

    @Test
    void aCenterThatIsDownIsSkipped() throws Exception {
        CenterAddress down = unusedAddress();
        ScriptedCenter up = start();
        link = link(down, up.address());
        assertEquals(FakeCenter.defaultMunicipalities().size(), link.municipalities().size());
        assertEquals(up.address().toString(), link.connectedCenter().toString());
    }

    @Test
    void noCenterIsUnavailable() throws Exception {
        link = link(unusedAddress(), unusedAddress());
        ShomeiException e = assertThrows(ShomeiException.class, link::municipalities);
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, e.code());
        assertNull(link.connectedCenter());
    }

    @Test
    void aRefusalIsTheCentersCodeAndIsNotRetried() {
        ScriptedCenter first = start();
        ScriptedCenter second = start();
        first.refuseIssueWith = ErrorCode.NO_RECORD;
        link = link(first.address(), second.address());
        ShomeiException e = assertThrows(ShomeiException.class, () -> link.issue(request("tx-refused")));
        assertEquals(ErrorCode.NO_RECORD, e.code());
        assertEquals(List.of(), second.transactions);
        assertEquals(FakeCenter.defaultMunicipalities().size(), link.municipalities().size(), "the connection stays usable");
    }

    @Test
    void aDisabledTerminalIsRefusedAtHello() {
        ScriptedCenter center = start();
        center.refuseHelloWith = ErrorCode.TERMINAL_DISABLED;
        link = link(center.address());
        ShomeiException e = assertThrows(ShomeiException.class, link::municipalities);
        assertEquals(ErrorCode.TERMINAL_DISABLED, e.code());
    }

    // --- helpers -------------------------------------------------------------------------------

    private ScriptedCenter start() {
        ScriptedCenter center = new ScriptedCenter();
        centers.add(center);
        return center;
    }

    private LineCenterLink link(CenterAddress... addresses) {
        return new LineCenterLink(List.of(addresses), kioskTls, TERMINAL, "test/1", Duration.ofSeconds(5));
    }

    private static CenterAddress unusedAddress() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return new CenterAddress("127.0.0.1", socket.getLocalPort());
        }
    }

    private static IssueRequest request(String transactionId) {
        return new IssueRequest(transactionId, FakeCenter.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                FakeCard.EF0001, FakeCard.EF0002, FakeCard.EF0003, FakeCard.EF0004);
    }

    private static Heartbeat heartbeat() {
        return new Heartbeat(TerminalState.IDLE, 90, 80, DeviceStatus.OK, DeviceStatus.OK, DeviceStatus.OK, 0, 0, 0,
                Instant.now());
    }

    /** A center that answers like the real one, can refuse, and can hang up on an issue request. */
    private static final class ScriptedCenter implements AutoCloseable {
        final List<String> hellos = new CopyOnWriteArrayList<>();
        final List<String> peerNames = new CopyOnWriteArrayList<>();
        final List<MessageType> received = new CopyOnWriteArrayList<>();
        final List<String> transactions = new CopyOnWriteArrayList<>();
        volatile boolean hangUpOnIssue;
        volatile ErrorCode refuseIssueWith;
        volatile ErrorCode refuseHelloWith;
        private final LineServer server;

        ScriptedCenter() {
            server = LineServer.start(new InetSocketAddress("127.0.0.1", 0), serverTls, LineSettings.server(), Handler::new);
        }

        CenterAddress address() {
            return new CenterAddress("127.0.0.1", server.port());
        }

        @Override
        public void close() {
            server.close();
        }

        private final class Handler extends SimpleChannelInboundHandler<LineMessage> {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, LineMessage message) {
                if (message instanceof Hello hello) {
                    hellos.add(hello.terminalId());
                    peerNames.add(PeerIdentity.commonName(ctx.channel()));
                    ctx.writeAndFlush(refuseHelloWith == null ? Ack.of(MessageType.HELLO) : new Refusal("", refuseHelloWith));
                    return;
                }
                received.add(message.type());
                LineMessage answer = switch (message) {
                    case MunicipalityCatalogRequest ignored -> new MunicipalityCatalogResponse(FakeCenter.defaultMunicipalities());
                    case IssueRequest request -> {
                        transactions.add(request.transactionId());
                        if (hangUpOnIssue) {
                            ctx.close();
                            yield null;
                        }
                        yield refuseIssueWith != null ? new Refusal(request.transactionId(), refuseIssueWith)
                                : FakeCenter.certificate(request);
                    }
                    case PrintOutcome outcome -> new Ack(MessageType.PRINT_OUTCOME, outcome.transactionId());
                    case Heartbeat ignored -> Ack.of(MessageType.HEARTBEAT);
                    default -> new Refusal("", ErrorCode.PROTOCOL_ERROR);
                };
                if (answer != null) {
                    ctx.writeAndFlush(answer);
                }
            }
        }
    }
}
