package dev.shomei.center.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.CenterSettings;
import dev.shomei.center.line.LineLimitsConfig;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.codec.PayloadCodec;
import dev.shomei.protocol.line.codec.PayloadWriter;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.abuse.RawTls;
import dev.shomei.protocol.pki.DevPki;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile peers against the real center line server on loopback (TLS 1.3, mutual auth): frames that
 * claim a gigabyte, clients that send one byte per second, and a connection flood (idle TCP
 * connections, foreign-CA handshakes, valid handshakes that never say Hello) — while a legitimate
 * kiosk keeps issuing. The flood's effect on the kiosk's issuance latency is measured and written to
 * {@code target/abuse/line-flood.txt}; only success is asserted (timing belongs to benchmarks).
 */
class LineAbuseIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(3);
    /** The Hello timer runs from TCP accept, so it bounds a slow handshake too (else the 10 s handshake timeout); slack for load. */
    private static final Duration HANDSHAKE_CLOSE = Duration.ofSeconds(40);
    private static final int ISSUANCES = 8;

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path foreignPkiDir;
    static DevPki pki;
    static DevPki foreign;
    static CardFactory cards;
    static CardPerson hanako;

    @TempDir
    Path dir;
    CenterFixture fixture;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
        foreign = DevPki.ensure(foreignPkiDir);
        cards = CardFactory.inMemory();
        hanako = new CardPerson(MyNumber.generate(new Random(7)), "春日\u3000花子", "", "東京都文京区春日",
                LocalDate.of(1991, 9, 9), Sex.FEMALE);
    }

    @BeforeEach
    void start() {
        FakeBackend backend = new FakeBackend(pki, Clock.systemUTC());
        backend.addResident(hanako, FakeMunicipalities.BUNKYO, "春日", "花子", null);
        fixture = new CenterFixture(dir, pki, cards, new FakeBackendServer(pki, backend), s -> s.withLineLimits(
                new LineLimitsConfig(100_000, 2, 10, 40, 32, Duration.ofSeconds(5), HELLO_TIMEOUT), s.lineIdleTimeout()));
        fixture.center.municipalities().refresh();
    }

    @AfterEach
    void stop() {
        fixture.close();
        fixture.backend.close();
    }

    @Test
    void aFrameClaimingAGigabyteIsRefusedOnItsHeaderAndTheConnectionClosed() throws Exception {
        SSLContext k1 = RawTls.context(pki.terminal("K0001"), pki.rootCaCertificate());
        // before Hello
        try (SSLSocket socket = RawTls.connect(k1, fixture.center.linePort())) {
            socket.getOutputStream().write(header(MessageType.HELLO, 1 << 30));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            assertTrue(RawTls.closedByPeer(socket, WAIT, answer), "the center kept a connection that claimed 1 GiB");
            assertRefusedWith(ErrorCode.PROTOCOL_ERROR, answer.toByteArray());
        }
        // after Hello: an IssueRequest header claiming 4 GiB - 1
        try (SSLSocket socket = RawTls.connect(k1, fixture.center.linePort())) {
            OutputStream out = socket.getOutputStream();
            out.write(frame(new Hello("K0001", "1.0.0")));
            out.write(header(MessageType.ISSUE_REQUEST, 0xFFFF_FFFFL));
            out.write(new byte[1024]);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            assertTrue(RawTls.closedByPeer(socket, WAIT, answer), "the center kept a connection that claimed 4 GiB");
        }
        assertTrue(issueOnce("K0002", "tx-after-oversized") != null, "a legitimate kiosk still issues");
    }

    @Test
    void aClientDribblingItsTlsHandshakeIsClosedByTheHandshakeTimeout() throws Exception {
        // a well-formed ClientHello (about 100 bytes), one byte per second: nothing in it is wrong, it is only slow
        byte[] record = dev.shomei.protocol.abuse.TlsProbe.clientHello(dev.shomei.protocol.abuse.TlsProbe.TLS_1_2);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", fixture.center.linePort()));
            long started = System.nanoTime();
            Thread dribble = Thread.ofVirtual().start(() -> {
                try {
                    for (byte b : record) {
                        socket.getOutputStream().write(b);
                        socket.getOutputStream().flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the center: expected
                }
            });
            boolean closedByPeer = RawTls.closedByPeer(socket, HANDSHAKE_CLOSE, new ByteArrayOutputStream());
            dribble.interrupt();
            assertTrue(closedByPeer, "a one-byte-per-second handshake was still open after " + HANDSHAKE_CLOSE);
            report("slow-loris TLS handshake (ClientHello at 1 byte/s) closed after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (hello timeout " + HELLO_TIMEOUT + ")");
        }
        assertTrue(issueOnce("K0002", "tx-after-slow-handshake") != null);
    }

    @Test
    void aKioskDribblingItsHelloIsClosedByTheHelloTimeout() throws Exception {
        byte[] hello = frame(new Hello("K0001", "1.0.0"));
        try (SSLSocket socket = RawTls.connect(RawTls.context(pki.terminal("K0001"), pki.rootCaCertificate()),
                fixture.center.linePort())) {
            long started = System.nanoTime();
            Thread dribble = Thread.ofVirtual().start(() -> {
                try {
                    for (byte b : hello) {
                        socket.getOutputStream().write(b);
                        socket.getOutputStream().flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the center: expected
                }
            });
            boolean closed = RawTls.closedByPeer(socket, WAIT, new ByteArrayOutputStream());
            dribble.interrupt();
            assertTrue(closed, "a Hello sent at one byte per second kept the connection open");
            report("slow-loris Hello (" + hello.length + " bytes at 1/s) closed after "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (hello timeout " + HELLO_TIMEOUT + ")");
        }
        assertTrue(issueOnce("K0002", "tx-after-slow-hello") != null);
    }

    @Test
    void aConnectionFloodDoesNotStopALegitimateKiosk() throws Exception {
        List<Long> quiet = issueSeries("K0001", "quiet");

        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger foreignHandshakes = new AtomicInteger();
        AtomicInteger foreignAccepted = new AtomicInteger();
        AtomicInteger silentHandshakes = new AtomicInteger();
        List<Socket> idle = new ArrayList<>();
        ExecutorService flood = Executors.newFixedThreadPool(3);
        List<Long> loaded;
        try {
            for (int i = 0; i < 300; i++) { // idle TCP connections that never start TLS
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", fixture.center.linePort()));
                idle.add(socket);
            }
            SSLContext impostor = RawTls.context(foreign.terminal("K0001"), pki.rootCaCertificate());
            SSLContext silent = RawTls.context(pki.terminal("K0003"), pki.rootCaCertificate());
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(flood.submit(() -> {
                    while (flooding.get()) { // handshakes with a certificate of another CA
                        try (SSLSocket socket = RawTls.connect(impostor, fixture.center.linePort())) {
                            socket.getOutputStream().write(frame(new Hello("K0001", "1.0.0")));
                            socket.getOutputStream().flush();
                            if (socket.getInputStream().read() >= 0) {
                                foreignAccepted.incrementAndGet();
                            }
                        } catch (IOException refused) {
                            // expected: the handshake or the first read fails
                        }
                        foreignHandshakes.incrementAndGet();
                    }
                    return null;
                }));
            }
            workers.add(flood.submit(() -> {
                while (flooding.get()) { // valid handshakes that never say Hello
                    try (SSLSocket socket = RawTls.connect(silent, fixture.center.linePort())) {
                        silentHandshakes.incrementAndGet();
                    } catch (IOException e) {
                        // the center may shed it; fine
                    }
                }
                return null;
            }));
            loaded = issueSeries("K0001", "flood");
        } finally {
            flooding.set(false);
            flood.shutdown();
            flood.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
            for (Socket socket : idle) {
                socket.close();
            }
        }
        assertEquals(ISSUANCES, loaded.size(), "every issuance during the flood succeeded");
        assertEquals(0, foreignAccepted.get(), "a foreign-CA kiosk got an answer");
        assertTrue(foreignHandshakes.get() > 0 && silentHandshakes.get() > 0, "the flood ran");
        report(String.format("flood: 300 idle TCP, %d foreign-CA handshakes, %d silent valid handshakes%n"
                        + "issuance latency ms without flood: %s (median %d)%n"
                        + "issuance latency ms during flood:  %s (median %d)",
                foreignHandshakes.get(), silentHandshakes.get(), quiet, median(quiet), loaded, median(loaded)));
    }

    /** {@link #ISSUANCES} issuances on one connection; the latency of each IssueRequest -> IssueResponse, ms. */
    private List<Long> issueSeries(String terminal, String tag) {
        List<Long> latencies = new ArrayList<>();
        try (LineClient kiosk = fixture.connect(terminal)) {
            assertInstanceOf(Ack.class, kiosk.request(new Hello(terminal, "1.0.0"), WAIT));
            for (int i = 0; i < ISSUANCES; i++) {
                String tx = "tx-" + tag + "-" + i;
                long started = System.nanoTime();
                LineMessage answer = kiosk.request(issue(tx), WAIT);
                latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
                assertInstanceOf(IssueResponse.class, answer, () -> tag + " issuance " + tx + ": " + answer);
                assertEquals(new Ack(MessageType.PRINT_OUTCOME, tx), kiosk.request(PrintOutcome.printed(tx), WAIT));
            }
        }
        return latencies;
    }

    private IssueResponse issueOnce(String terminal, String tx) {
        try (LineClient kiosk = fixture.connect(terminal)) {
            assertInstanceOf(Ack.class, kiosk.request(new Hello(terminal, "1.0.0"), WAIT));
            IssueResponse response = assertInstanceOf(IssueResponse.class, kiosk.request(issue(tx), WAIT));
            kiosk.request(PrintOutcome.printed(tx), WAIT);
            return response;
        }
    }

    private static IssueRequest issue(String tx) {
        var files = cards.files(hanako);
        return new IssueRequest(tx, FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    private static void assertRefusedWith(ErrorCode code, byte[] answer) {
        if (answer.length == 0) {
            return; // closed without a word is also a refusal
        }
        ByteBuffer frame = ByteBuffer.wrap(answer);
        assertEquals(MessageType.REFUSAL.code(), frame.get(3) & 0xFF, "the only answer is a Refusal");
        int length = frame.getInt(4);
        Refusal refusal = (Refusal) PayloadCodec.decode(MessageType.REFUSAL, Unpooled.wrappedBuffer(answer, 8, length));
        assertEquals(code, refusal.code());
    }

    private static byte[] header(MessageType type, long claimedLength) {
        return ByteBuffer.allocate(8).put((byte) 0x53).put((byte) 0x48).put((byte) 1).put((byte) type.code())
                .putInt((int) claimedLength).array();
    }

    private static byte[] frame(LineMessage message) {
        ByteBuf payload = Unpooled.buffer();
        PayloadCodec.encode(message, new PayloadWriter(payload));
        byte[] body = ByteBufUtil.getBytes(payload);
        return ByteBuffer.allocate(8 + body.length).put(header(message.type(), body.length)).put(body).array();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void report(String line) throws IOException {
        System.out.println("[line abuse] " + line);
        Path file = Path.of("target", "abuse", "line-flood.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
