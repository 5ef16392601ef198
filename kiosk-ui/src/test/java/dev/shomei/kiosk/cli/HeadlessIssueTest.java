package dev.shomei.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.Kiosk;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.device.CardSlot;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.kiosk.testing.FakePrinter;
import dev.shomei.kiosk.testing.MutableClock;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.PrintResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The headless driver on the real firmware threads, with fakes for card, center and printer. */
class HeadlessIssueTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeCard card = new FakeCard("1234");
    private final FakeCenter center = new FakeCenter();
    private final FakePrinter printer = new FakePrinter();
    private final SimulatedCoinUnit coins = new SimulatedCoinUnit();
    private final CardSlot slot = new CardSlot() {
        @Override
        public void insertCard() {
            card.setPresent(true);
        }

        @Override
        public void removeCard() {
            card.setPresent(false);
        }
    };
    private Kiosk kiosk;
    private HeadlessIssue headless;

    @BeforeEach
    void start() {
        card.setPresent(true);
        kiosk = Kiosk.start(new KioskSession.Devices(card, center, coins, printer),
                Kiosk.Settings.defaults().withHeartbeatInterval(Duration.ofHours(1)), MutableClock.noonInJapan());
        headless = new HeadlessIssue(kiosk.session(), slot, coins);
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private HeadlessIssue.Result issue(String pin, String municipality, int copies) {
        return headless.run(new HeadlessIssue.Order(Language.JA, CertificateType.DOMESTIC, municipality, copies,
                pin.toCharArray()), WAIT);
    }

    @Test
    void closingTheKioskSignsItOffAtTheCenter() {
        issue("1234", FakeCenter.BUNKYO, 1);
        kiosk.close();
        assertEquals(dev.shomei.protocol.line.TerminalState.SHUT_DOWN,
                center.heartbeats.get(center.heartbeats.size() - 1).state(), "the last heartbeat says it is going");
    }

    @Test
    void printsAndReportsTheCertificates() {
        HeadlessIssue.Result result = issue("1234", FakeCenter.BUNKYO, 2);
        assertTrue(result.printed());
        assertNull(result.error());
        assertEquals(2, result.certificateIds().size());
        assertEquals(240, result.feeYen());
        assertEquals(center.requests.get(0).transactionId(), result.transactionId());
        assertEquals(1, printer.printed.size());
        kiosk.outbox().flush(); // the sender thread may still be on its way
        assertEquals(PrintResult.PRINTED, center.outcomes.get(0).result());
        assertEquals(SessionState.IDLE, kiosk.session().state());
        assertFalse(card.cardPresent(), "the card was taken out at the remove-card step");
    }

    @Test
    void aWrongPinStopsWithTheTriesLeft() {
        HeadlessIssue.Result result = issue("9999", FakeCenter.BUNKYO, 1);
        assertFalse(result.printed());
        assertEquals(ErrorCode.PIN_INCORRECT, result.error());
        assertEquals(2, result.triesLeft());
        assertEquals(1, card.verifies(), "no second guess");
        assertTrue(center.requests.isEmpty());
    }

    @Test
    void aMalformedPinNeverReachesTheCard() {
        assertEquals(ErrorCode.INVALID_REQUEST, issue("12a4", FakeCenter.BUNKYO, 1).error());
        assertEquals(ErrorCode.INVALID_REQUEST, issue("123", FakeCenter.BUNKYO, 1).error());
        assertEquals(0, card.verifies());
        assertTrue(card.pinsSeen.isEmpty());
    }

    @Test
    void aMunicipalityNotInTheListIsRefused() {
        HeadlessIssue.Result result = issue("1234", "999997", 1);
        assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, result.error());
        assertTrue(center.requests.isEmpty());
    }

    @Test
    void aCenterRefusalIsReported() {
        center.failIssue(new ShomeiException(ErrorCode.NO_RECORD, "none"));
        assertEquals(ErrorCode.NO_RECORD, issue("1234", FakeCenter.BUNKYO, 1).error());
    }

    @Test
    void thePinArrayIsWipedAfterTheRun() {
        char[] pin = "1234".toCharArray();
        headless.run(new HeadlessIssue.Order(Language.EN, CertificateType.OVERSEAS, FakeCenter.BUNKYO, 1, pin), WAIT);
        assertEquals("\0\0\0\0", new String(pin));
    }

    @Test
    void aDisabledTerminalStopsAtTheStartScreen() throws InterruptedException {
        kiosk.close();
        center.failHeartbeat(new ShomeiException(ErrorCode.TERMINAL_DISABLED, "disabled"));
        kiosk = Kiosk.start(new KioskSession.Devices(card, center, coins, printer),
                Kiosk.Settings.defaults().withHeartbeatInterval(Duration.ofHours(1)), MutableClock.noonInJapan());
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!kiosk.session().screen().outOfService() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the first heartbeat goes at start-up, on the sender thread
        }
        HeadlessIssue.Result result = new HeadlessIssue(kiosk.session(), slot, coins)
                .run(new HeadlessIssue.Order(Language.JA, CertificateType.DOMESTIC, FakeCenter.BUNKYO, 1,
                        "1234".toCharArray()), WAIT);
        assertEquals(ErrorCode.TERMINAL_DISABLED, result.error());
        assertEquals(0, card.verifies(), "no PIN reached the card");
        assertTrue(center.requests.isEmpty());
        assertEquals(SessionState.IDLE, kiosk.session().state());
    }
}
