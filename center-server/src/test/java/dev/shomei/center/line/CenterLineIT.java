package dev.shomei.center.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.CenterSettings;
import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.TerminalStatus;
import dev.shomei.center.testing.Await;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityListRequest;
import dev.shomei.protocol.line.MunicipalityListResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.line.transport.LineClient;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.pki.DevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk's view of the center over the real line: TLS 1.3 mutual auth, the registry, the orchestration. */
class CenterLineIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path pkiDir;
    @TempDir
    static Path foreignPkiDir;
    static DevPki pki;
    static CardFactory cards;
    static CardPerson hanako;

    @TempDir
    Path dir;
    CenterFixture fixture;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
        cards = CardFactory.inMemory();
        hanako = new CardPerson(MyNumber.generate(new Random(21)), "春日\u3000花子", "", "東京都文京区春日",
                LocalDate.of(1991, 9, 9), Sex.FEMALE);
    }

    private CenterFixture start(UnaryOperator<CenterSettings> tweak) {
        FakeBackend backend = new FakeBackend(pki, Clock.systemUTC());
        backend.addResident(hanako, FakeMunicipalities.BUNKYO, "春日", "花子", null);
        fixture = new CenterFixture(dir, pki, cards, new FakeBackendServer(pki, backend), tweak);
        return fixture;
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
            fixture.backend.close();
        }
    }

    @Test
    void aConsolePortInUseStopsTheCenterInsteadOfACenterWithoutItsConsole(@TempDir Path otherDir) {
        int taken = start(s -> s).center.consolePort();
        FakeBackendServer otherBackend = new FakeBackendServer(pki, new FakeBackend(pki, Clock.systemUTC()));
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> new CenterFixture(otherDir, pki, cards, otherBackend, s -> s.withPorts(0, taken)));
            assertTrue(refused.getMessage().contains(":" + taken + " (in use?)"), refused.getMessage());
        } finally {
            otherBackend.close();
        }
    }

    private static IssueRequest issue(String txid, CardFiles files) {
        return new IssueRequest(txid, FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    private static LineMessage hello(LineClient client, String terminalId) {
        return client.request(new Hello(terminalId, "1.0.0"), WAIT);
    }

    private static Heartbeat heartbeat(TerminalState state) {
        return new Heartbeat(state, 80, 70, DeviceStatus.OK, DeviceStatus.OK, DeviceStatus.OK, 0, 0, 0, Instant.now());
    }

    /** True once the connection is closed by the center (reads until the end). */
    private static boolean closesSoon(LineClient client) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!client.isOpen()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !client.isOpen();
    }

    @Test
    void aKioskIssuesEndToEnd() {
        start(s -> s);
        try (LineClient kiosk = fixture.connect("K0001")) {
            assertEquals(Ack.of(MessageType.HELLO), hello(kiosk, "K0001"));
            assertEquals(Ack.of(MessageType.HEARTBEAT), kiosk.request(heartbeat(TerminalState.IDLE), WAIT));
            assertEquals(TerminalStatus.ONLINE, fixture.center.board().find("K0001").orElseThrow().status());

            MunicipalityListResponse list = assertInstanceOf(MunicipalityListResponse.class,
                    kiosk.request(new MunicipalityListRequest(), WAIT));
            assertEquals(2, list.municipalities().size());

            IssueResponse response = assertInstanceOf(IssueResponse.class,
                    kiosk.request(issue("tx-e2e", cards.files(hanako)), WAIT));
            assertTrue(new String(response.pdf(), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
            assertEquals(120, response.feeYen());
            assertEquals("春日\u3000花子", response.summary().name());

            assertEquals(new Ack(MessageType.PRINT_OUTCOME, "tx-e2e"), kiosk.request(PrintOutcome.printed("tx-e2e"), WAIT));
            assertEquals("PRINTED", fixture.backend.backend.status("tx-e2e"));
            assertTrue(fixture.backend.issueBodies.get(0).contains(hanako.myNumber().reveal()),
                    "the verified My Number went to the backend over mutual TLS");
        }
        assertTrue(waitFor(() -> fixture.center.board().find("K0001").orElseThrow().status() == TerminalStatus.OFFLINE));
    }

    @Test
    void unknownOrMisnamedTerminalsAreRefusedAndADisabledOneIsToldItIsOutOfService() {
        start(s -> s);
        try (LineClient stranger = fixture.connect("K0099")) {
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class, hello(stranger, "K0099")).code());
            assertTrue(closesSoon(stranger));
        }
        fixture.center.registry().setEnabled("K0002", false);
        try (LineClient disabled = fixture.connect("K0002")) {
            assertEquals(Ack.of(MessageType.HELLO), hello(disabled, "K0002"), "a disabled terminal may still report outcomes");
            assertEquals(ErrorCode.TERMINAL_DISABLED,
                    assertInstanceOf(Refusal.class, disabled.request(heartbeat(TerminalState.IDLE), WAIT)).code());
            assertTrue(disabled.isOpen());
        }
        try (LineClient liar = fixture.connect("K0003")) {
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class, hello(liar, "K0001")).code(),
                    "the Hello must name the certificate's own terminal");
            assertTrue(closesSoon(liar));
        }
    }

    @Test
    void aKioskCertificateFromAnotherCaCannotConnect() {
        start(s -> s);
        DevPki foreign = DevPki.ensure(foreignPkiDir);
        var tls = LineTls.clientContext(foreign.terminal("K0001"), pki.rootCaPem());
        ShomeiException refused = assertThrows(ShomeiException.class, () -> {
            try (LineClient impostor = LineClient.connect("127.0.0.1", fixture.center.linePort(), tls,
                    LineSettings.client(), WAIT)) {
                hello(impostor, "K0001");
            }
        });
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, refused.code());
        assertEquals(TerminalStatus.OFFLINE, fixture.center.board().find("K0001").orElseThrow().status());
    }

    @Test
    void anythingBeforeHelloIsAProtocolError() {
        start(s -> s);
        try (LineClient kiosk = fixture.connect("K0001")) {
            assertEquals(ErrorCode.PROTOCOL_ERROR,
                    assertInstanceOf(Refusal.class, kiosk.request(new MunicipalityListRequest(), WAIT)).code());
            assertTrue(closesSoon(kiosk));
        }
    }

    @Test
    void aTerminalDisabledMidSessionStillReportsItsPrintedCertificate() {
        start(s -> s);
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-paid", cards.files(hanako)), WAIT)).wipe();
            // the operator disables the terminal while the resident pays
            fixture.center.registry().setEnabled("K0001", false);
            assertEquals(ErrorCode.TERMINAL_DISABLED,
                    assertInstanceOf(Refusal.class, kiosk.request(heartbeat(TerminalState.IN_SERVICE), WAIT)).code(),
                    "the kiosk learns from its heartbeat that it is out of service");
            assertTrue(kiosk.isOpen(), "the connection stays open for the outcome");
            assertEquals(new Ack(MessageType.PRINT_OUTCOME, "tx-paid"), kiosk.request(PrintOutcome.printed("tx-paid"), WAIT));
            assertEquals("PRINTED", fixture.backend.backend.status("tx-paid"));
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class,
                    kiosk.request(new MunicipalityListRequest(), WAIT)).code(), "no new session");
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class,
                    kiosk.request(issue("tx-new", cards.files(hanako)), WAIT)).code());
        }
    }

    @Test
    void aDisabledTerminalCannotCloseAnotherTerminalsIssuanceAndEveryRefusedOutcomeIsAnAlert() {
        start(s -> s);
        try (LineClient first = fixture.connect("K0001"); LineClient second = fixture.connect("K0002")) {
            hello(first, "K0001");
            hello(second, "K0002");
            assertInstanceOf(IssueResponse.class, first.request(issue("tx-first", cards.files(hanako)), WAIT)).wipe();
            fixture.center.registry().setEnabled("K0002", false);
            assertEquals(ErrorCode.TERMINAL_DISABLED, assertInstanceOf(Refusal.class,
                    second.request(PrintOutcome.voided("tx-first", VoidReason.CANCELLED), WAIT)).code());
            assertEquals("ISSUED", fixture.backend.backend.status("tx-first"));
            assertTrue(fixture.center.board().alerts().all().stream().anyMatch(a -> a.kind() == AlertKind.OUTCOME_REFUSED
                    && a.terminalId().equals("K0002") && a.subject().equals("tx-first") && a.isOpen()));
            assertEquals(ErrorCode.INVALID_REQUEST, assertInstanceOf(Refusal.class,
                    first.request(PrintOutcome.printed("tx-unknown"), WAIT)).code());
            assertTrue(fixture.center.board().alerts().all().stream().anyMatch(a -> a.kind() == AlertKind.OUTCOME_REFUSED
                    && a.subject().equals("tx-unknown")), "an unknown transaction's outcome is not dropped unseen");
        }
    }

    @Test
    void aFloodingKioskIsCutOff() {
        start(s -> s);
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            for (int i = 0; i < 200 && kiosk.isOpen(); i++) {
                try {
                    kiosk.send(heartbeat(TerminalState.IDLE), WAIT);
                } catch (ShomeiException e) {
                    break;
                }
            }
            assertTrue(closesSoon(kiosk), "more than the burst of 40 messages closes the connection");
        }
    }

    @Test
    void aSilentConnectionIsClosedByTheIdleTimeout() {
        start(s -> s.withLineLimits(s.lineLimits(), Duration.ofMillis(800)));
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            assertTrue(closesSoon(kiosk));
        }
    }

    @Test
    void aTerminalMayHoldOnlyTwoConnections() {
        start(s -> s);
        try (LineClient first = fixture.connect("K0001"); LineClient second = fixture.connect("K0001");
             LineClient third = fixture.connect("K0001")) {
            assertInstanceOf(Ack.class, hello(first, "K0001"));
            assertInstanceOf(Ack.class, hello(second, "K0001"));
            assertEquals(ErrorCode.CENTER_UNAVAILABLE, assertInstanceOf(Refusal.class, hello(third, "K0001")).code());
            assertTrue(closesSoon(third));
            assertTrue(first.isOpen() && second.isOpen());
        }
    }

    @Test
    void aConnectionThatNeverSaysHelloIsClosed() {
        start(s -> s.withLineLimits(new LineLimitsConfig(100, 2, 10, 40, 32, Duration.ofSeconds(5),
                Duration.ofMillis(700)), s.lineIdleTimeout()));
        try (LineClient silent = fixture.connect("K0001")) {
            assertTrue(closesSoon(silent));
        }
    }

    @Test
    void whenEveryWorkSlotIsBusyTheNextRequestIsToldToGoElsewhere() throws Exception {
        start(s -> s.withLineLimits(new LineLimitsConfig(100, 2, 10, 40, 1, Duration.ofMillis(300),
                Duration.ofSeconds(20)), s.lineIdleTimeout()));
        fixture.center.municipalities().refresh();
        fixture.backend.delay.set(Duration.ofMillis(1500));
        try (LineClient busy = fixture.connect("K0001"); LineClient next = fixture.connect("K0002")) {
            hello(busy, "K0001");
            hello(next, "K0002");
            busy.send(issue("tx-busy", cards.files(hanako)), WAIT); // holds the only slot for 1.5 s
            Thread.sleep(300);
            Refusal refusal = assertInstanceOf(Refusal.class, next.request(issue("tx-next", cards.files(hanako)), WAIT));
            assertEquals(ErrorCode.CENTER_UNAVAILABLE, refusal.code());
            assertEquals("tx-next", refusal.transactionId());
            assertInstanceOf(IssueResponse.class, busy.receive(WAIT), "the request in work completes");
        }
        assertEquals(1, fixture.backend.issueBodies.size(), "the refused request never reached the backend");
    }

    @Test
    void aPrintOutcomeIsNotHeldBackWhenEveryWorkSlotIsBusy() throws Exception {
        start(s -> s.withLineLimits(new LineLimitsConfig(100, 2, 10, 40, 1, Duration.ofMillis(300),
                Duration.ofSeconds(20)), s.lineIdleTimeout()));
        fixture.center.municipalities().refresh();
        try (LineClient busy = fixture.connect("K0001"); LineClient next = fixture.connect("K0002")) {
            hello(busy, "K0001");
            hello(next, "K0002");
            assertInstanceOf(IssueResponse.class, next.request(issue("tx-printed", cards.files(hanako)), WAIT));
            fixture.backend.delay.set(Duration.ofMillis(1500));
            busy.send(issue("tx-busy", cards.files(hanako)), WAIT); // holds the only slot for 1.5 s
            Thread.sleep(300);
            // a work slot would have been waited for 300 ms, then refused CENTER_UNAVAILABLE
            assertEquals(new Ack(MessageType.PRINT_OUTCOME, "tx-printed"),
                    next.request(PrintOutcome.printed("tx-printed"), WAIT));
            assertInstanceOf(IssueResponse.class, busy.receive(WAIT), "the request in work completes");
        }
        assertEquals("PRINTED", fixture.backend.backend.status("tx-printed"));
    }

    @Test
    void aSlowBackendIsBackendUnavailableWithinTheDeadline() {
        start(s -> s.withBackendSettings(new dev.shomei.center.backend.BackendClientSettings(
                s.backend().baseUri(), Duration.ofMillis(400), 2, Duration.ofMillis(50), Duration.ofMillis(1200))));
        fixture.center.municipalities().refresh();
        fixture.backend.delay.set(Duration.ofSeconds(4));
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            long started = System.nanoTime();
            Refusal refusal = assertInstanceOf(Refusal.class, kiosk.request(issue("tx-slow", cards.files(hanako)), WAIT));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(ErrorCode.BACKEND_UNAVAILABLE, refusal.code());
            assertEquals("tx-slow", refusal.transactionId());
            assertTrue(took.compareTo(Duration.ofMillis(1200 + 1500)) < 0, "answered within the deadline, took " + took);
        }
    }

    @Test
    void aTamperedCardNeverReachesTheBackend() {
        start(s -> s);
        CardFiles files = cards.files(hanako);
        files.ef0001()[5] ^= 0x02;
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            Refusal refusal = assertInstanceOf(Refusal.class, kiosk.request(issue("tx-bad", files), WAIT));
            assertEquals(ErrorCode.CARD_DATA_INVALID, refusal.code());
        }
        assertEquals(0, fixture.backend.backend.issueCalls.get());
        assertTrue(fixture.backend.issueBodies.isEmpty());
    }

    @Test
    void aRepeatedIssueRequestOnANewConnectionYieldsOneIssuance() {
        start(s -> s);
        IssueResponse first;
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            first = assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-again", cards.files(hanako)), WAIT));
        }
        try (LineClient kiosk = fixture.connect("K0001")) {
            hello(kiosk, "K0001");
            IssueResponse second = assertInstanceOf(IssueResponse.class,
                    kiosk.request(issue("tx-again", cards.files(hanako)), WAIT));
            assertEquals(first.certificateIds(), second.certificateIds());
            assertEquals(first.summary(), second.summary(), "the same certificate, rendered again");
        }
        assertEquals(1, fixture.backend.backend.issuanceCount());
        assertEquals(2, fixture.backend.issueBodies.size());
        assertEquals(BackendJson.read(fixture.backend.issueBodies.get(0), dev.shomei.protocol.backend.IssuanceRequest.class)
                .transactionId(), "tx-again");
        assertFalse(fixture.backend.issueBodies.get(1).isEmpty());
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) {
        return Await.until(WAIT, condition);
    }
}
