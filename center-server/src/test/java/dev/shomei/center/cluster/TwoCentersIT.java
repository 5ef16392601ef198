package dev.shomei.center.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.testing.Await;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FailoverKiosk;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two centers sharing one configuration directory and one backend, as behind a TCP load
 * balancer: a kiosk that loses its center carries on at the other, mid-issuance included, and no
 * issuance is lost or doubled, because the centers keep nothing of an issuance themselves.
 */
class TwoCentersIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path pkiDir;
    static DevPki pki;
    static CardFactory cards;
    static CardPerson jiro;

    @TempDir
    Path sharedConfig;
    FakeBackendServer backend;
    CenterFixture a;
    CenterFixture b;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
        cards = CardFactory.inMemory();
        jiro = new CardPerson(MyNumber.generate(new Random(31)), "本郷\u3000次郎", "", "東京都文京区本郷",
                LocalDate.of(1975, 3, 3), Sex.MALE);
    }

    @BeforeEach
    void start() {
        FakeBackend fake = new FakeBackend(pki, Clock.systemUTC());
        fake.addResident(jiro, FakeMunicipalities.BUNKYO, "本郷", "次郎", null);
        backend = new FakeBackendServer(pki, fake);
        a = new CenterFixture(sharedConfig, pki, cards, backend, s -> s);
        b = new CenterFixture(sharedConfig, pki, cards, backend, s -> s);
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
        backend.close();
    }

    private static IssueRequest issue(String txid) {
        CardFiles files = cards.files(jiro);
        return new IssueRequest(txid, FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    private FailoverKiosk kiosk(String terminalId) {
        return new FailoverKiosk(List.of(a.center.linePort(), b.center.linePort()), a.kioskTls(terminalId), terminalId, WAIT);
    }

    @Test
    void aKioskFailsOverToTheOtherCenterBetweenIssuances() {
        try (FailoverKiosk kiosk = kiosk("K0001")) {
            IssueResponse first = assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-1")));
            assertEquals(a.center.linePort(), kiosk.connectedPort());
            assertInstanceOf(Ack.class, kiosk.request(PrintOutcome.printed("tx-1")));

            a.close(); // center A goes down

            IssueResponse second = assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-2")));
            assertEquals(b.center.linePort(), kiosk.connectedPort());
            assertInstanceOf(Ack.class, kiosk.request(PrintOutcome.printed("tx-2")));
            assertNotEquals(first.certificateIds(), second.certificateIds());
        }
        assertEquals("PRINTED", backend.backend.status("tx-1"));
        assertEquals("PRINTED", backend.backend.status("tx-2"));
        assertEquals(2, backend.backend.issuanceCount());
    }

    @Test
    void aCenterDyingMidIssuanceLosesNothingAndDoublesNothing() throws Exception {
        backend.delay.set(Duration.ofMillis(1500)); // A is still waiting for the backend when it dies
        try (FailoverKiosk kiosk = kiosk("K0002")) {
            kiosk.request(new dev.shomei.protocol.line.MunicipalityListRequest());
            assertEquals(a.center.linePort(), kiosk.connectedPort());
            CompletableFuture<Object> answer = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> {
                try {
                    answer.complete(kiosk.request(issue("tx-mid")));
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
            Thread.sleep(500);
            a.close();
            IssueResponse response = assertInstanceOf(IssueResponse.class, answer.get(30, TimeUnit.SECONDS),
                    "the kiosk re-sent the request to B with the same transaction id");
            assertEquals(b.center.linePort(), kiosk.connectedPort());
            backend.delay.set(Duration.ZERO);
            // B has never seen tx-mid's outcome route: it finds the municipality at the backend
            assertInstanceOf(Ack.class, kiosk.request(PrintOutcome.printed("tx-mid")));
            assertEquals(1, response.certificateIds().size());
        }
        assertEquals(1, backend.backend.issuanceCount(), "one issuance for the transaction, not two");
        assertEquals("PRINTED", backend.backend.status("tx-mid"));
    }

    @Test
    void eitherCenterReconcilesWhatTheOtherIssued() {
        try (FailoverKiosk kiosk = kiosk("K0003")) {
            assertInstanceOf(IssueResponse.class, kiosk.request(issue("tx-lost")));
            assertEquals(a.center.linePort(), kiosk.connectedPort());
        } // the kiosk dies before printing
        a.close();
        assertEquals(0, b.center.reconciler().reconcile(), "not yet old enough (15 minutes)");
        try (CenterFixture quick = new CenterFixture(sharedConfig, pki, cards, backend,
                s -> s.withTimers(s.heartbeatGap(), Duration.ZERO, Duration.ofHours(1), s.streamInterval()))) {
            assertEquals(1, quick.center.reconciler().reconcile());
        }
        assertEquals("VOIDED", backend.backend.status("tx-lost"));
    }

    @Test
    void disablingATerminalOnOneCenterHoldsOnTheOther() throws Exception {
        a.center.registry().setEnabled("K0004", false);
        // B reloads the shared registry every 2 s: wait until it has, however slow the machine is
        assertTrue(Await.until(WAIT, () -> !b.center.registry().isEnabled("K0004")));
        try (var direct = b.connect("K0004")) {
            assertEquals(dev.shomei.protocol.line.Ack.of(dev.shomei.protocol.line.MessageType.HELLO),
                    direct.request(new dev.shomei.protocol.line.Hello("K0004", "1.0.0"), WAIT),
                    "a disabled terminal may still connect to report outcomes");
            var heartbeat = new dev.shomei.protocol.line.Heartbeat(dev.shomei.protocol.line.TerminalState.IDLE, 80, 70,
                    dev.shomei.protocol.line.DeviceStatus.OK, dev.shomei.protocol.line.DeviceStatus.OK,
                    dev.shomei.protocol.line.DeviceStatus.OK, 0, 0, 0, java.time.Instant.now());
            assertEquals(ErrorCode.TERMINAL_DISABLED,
                    assertInstanceOf(dev.shomei.protocol.line.Refusal.class, direct.request(heartbeat, WAIT)).code());
        }
        try (FailoverKiosk kiosk = kiosk("K0004")) {
            assertEquals(ErrorCode.TERMINAL_DISABLED,
                    assertInstanceOf(dev.shomei.protocol.line.Refusal.class, kiosk.request(issue("tx-off"))).code());
        }
        assertTrue(backend.issueBodies.isEmpty());
    }
}
