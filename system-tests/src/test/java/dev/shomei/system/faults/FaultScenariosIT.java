package dev.shomei.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.system.Launcher;
import dev.shomei.system.faults.FaultPrinter.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults across real processes: the record backend and the center run as their own JVMs
 * ({@code ./shomei backend serve}, {@code ./shomei center serve}) and are killed with {@code kill -9};
 * the center reaches the backend, and the kiosk the center, through TCP proxies that hold back or
 * cut answers; the kiosk is the real firmware in this JVM with a virtual card that can be yanked at
 * any APDU, a printer that runs out of paper or jams, a coin unit that fails. In every case the
 * resident sees a clear code, the backend's record of each issuance ends PRINTED or VOIDED (never
 * lost, never two), no money is kept for nothing, and nothing personal is left on the kiosk or
 * center side.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultScenariosIT {
    private static final String BUNKYO = "131059";
    private static final String TERMINAL = "K0002";
    private static final Duration BACKEND_WAIT = Duration.ofSeconds(90);
    /** Reconciliation: an issuance with no outcome after 20 s is voided (the default is 15 min). */
    private static final Map<String, String> CENTER = FaultStack.centerYaml(
            "attempt-timeout: 3s", "attempt-timeout: 10s",
            "attempts: 3", "attempts: 2",
            "deadline: 8s", "deadline: 20s",
            "reconcile-after: 15m", "reconcile-after: 20s",
            "reconcile-every: 1m", "reconcile-every: 2s");

    private Path state;
    private Instant started;
    private FaultStack stack;
    private IssuanceDb db;
    private TcpProxy kioskLink;
    private Path card;
    private final FaultPrinter printer = new FaultPrinter();
    private FirmwareKiosk kiosk;

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now().minusSeconds(1);
        state = Files.createTempDirectory("shomei-faults-");
        stack = new FaultStack(state, null, CENTER, List.of());
        stack.startBackend();
        stack.startCenter();
        db = new IssuanceDb(stack.jdbcUrl());
        kioskLink = new TcpProxy(stack.linePort);
        card = Cards.file(stack.pki(), Cards.HANAKO, state.resolve("cards").resolve("hanako.json"));
    }

    @AfterEach
    void stopKioskAndHealTheSystem() throws Exception {
        if (kiosk != null) {
            kiosk.close();
            kiosk = null;
        }
        printer.reset();
        stack.backendLink.holdAnswers(false);
        kioskLink.cutAnswersAfter(0, 0);
        kioskLink.down(false);
        // a failed scenario must not take the next ones down with it
        if (!stack.backendAlive()) {
            stack.startBackend();
        }
        if (!stack.centerAlive()) {
            stack.startCenter();
        }
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (kioskLink != null) {
            kioskLink.close();
        }
        if (stack != null) {
            stack.close();
            copyLogs();
        }
        dev.shomei.kiosk.testing.Trees.delete(state);
    }

    // --- the scenarios -------------------------------------------------------------------------

    @Test
    @Order(1)
    void aNormalIssuancePrintsThroughTheProxies() throws Exception {
        String tx = issueAndPrint();
        assertEquals("PRINTED", db.awaitStatus(tx, "PRINTED", BACKEND_WAIT).status());
    }

    /** The card leaves the reader after 0, 1, 2, ... APDUs: CARD_REMOVED every time, never a try lost, nothing issued. */
    @Test
    @Order(2)
    void aCardYankedAtEveryApduIsCardRemovedWithoutLosingATry() throws Exception {
        kiosk = kiosk(Clock.systemUTC());
        int rowsBefore = db.all().size();
        int refused = 0;
        boolean readCompleted = false;
        for (int answered = 0; answered < 40 && !readCompleted; answered++) {
            kiosk.session().start();
            kiosk.session().chooseService(dev.shomei.kiosk.session.Service.VACCINATION_CERTIFICATE);
            kiosk.session().chooseLanguage(dev.shomei.protocol.Language.JA);
            kiosk.session().chooseCertificateType(dev.shomei.protocol.CertificateType.DOMESTIC);
            kiosk.insertCard();
            kiosk.slot.removeCardAfter(answered);
            Screen screen = kiosk.await(SessionState.PIN, SessionState.REFUSED);
            if (screen.state() == SessionState.PIN) {
                kiosk.typePin(Cards.PIN);
                kiosk.session().submitPin();
                screen = kiosk.await(SessionState.REFUSED, SessionState.REMOVE_CARD, SessionState.MUNICIPALITY);
            }
            if (screen.state() == SessionState.REFUSED) {
                assertEquals(ErrorCode.CARD_REMOVED, screen.error(), "yanked after " + answered + " APDUs");
                refused++;
                kiosk.acknowledge();
            } else {
                readCompleted = true;
                kiosk.removeCard();
                kiosk.session().cancel();
            }
            kiosk.removeCard();
            assertEquals(3, kiosk.triesLeftOnCard(), "a yank after " + answered + " APDUs cost a PIN try");
            kiosk.await(SessionState.IDLE);
        }
        assertTrue(readCompleted, "with enough APDUs answered the read completes");
        assertTrue(refused >= 5, "yanks at " + refused + " steps of the card dialogue");

        // by hand at the PIN pad, half-way through the PIN
        kiosk.toPin();
        kiosk.typePin("12");
        kiosk.removeCard();
        assertEquals(ErrorCode.CARD_REMOVED, kiosk.await(SessionState.REFUSED).error());
        kiosk.acknowledge();
        assertEquals(3, kiosk.triesLeftOnCard());
        assertEquals(rowsBefore, db.all().size(), "a yanked card never reaches the center, nothing is issued");
        assertEquals(List.of(), kiosk.coins.payouts());
    }

    @Test
    @Order(3)
    void aPrinterOutOfPaperAfterPaymentRefundsAndVoids() throws Exception {
        printerFailsAfterPayment(Mode.OUT_OF_PAPER);
    }

    @Test
    @Order(4)
    void aPrinterJammedAfterPaymentRefundsAndVoids() throws Exception {
        printerFailsAfterPayment(Mode.JAMMED);
    }

    @Test
    @Order(5)
    void aCashUnitThatTakesNoMoneyIsPaymentErrorAndVoided() throws Exception {
        kiosk = kiosk(Clock.systemUTC());
        Screen confirm = kiosk.request(Cards.PIN, BUNKYO, 1);
        assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
        kiosk.coins.setFailing(true);
        kiosk.session().confirm();
        assertEquals(ErrorCode.PAYMENT_ERROR, kiosk.await(SessionState.REFUSED).error());
        IssuanceDb.Row row = db.awaitStatus(confirm.transactionId(), "VOIDED", BACKEND_WAIT);
        assertEquals("PAYMENT_FAILED", row.voidReason());
        assertEquals(0, printer.attempts.get());
        assertEquals(0L, kiosk.coins.keptYen());
    }

    @Test
    @Order(6)
    void aCashUnitFailingWhileTakingTheFeeIsPaymentErrorAndVoided() throws Exception {
        kiosk = kiosk(Clock.systemUTC());
        Screen confirm = kiosk.request(Cards.PIN, BUNKYO, 1);
        assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
        kiosk.session().confirm();
        kiosk.await(SessionState.PAYMENT);
        kiosk.coins.insert(100);
        kiosk.coins.setFailing(true); // the unit breaks with 100 yen in it: it can neither collect nor pay back
        kiosk.coins.insert(50);
        Screen refused = kiosk.await(SessionState.REFUSED);
        assertEquals(ErrorCode.PAYMENT_ERROR, refused.error());
        assertEquals("PAYMENT_FAILED", db.awaitStatus(confirm.transactionId(), "VOIDED", BACKEND_WAIT).voidReason());
        assertEquals(0, printer.attempts.get(), "nothing printed");
        assertEquals(0L, kiosk.coins.keptYen(), "no fee kept");
    }

    @Test
    @Order(7)
    void theBackendKilledIsBackendUnavailableAndIssuingWorksOnceItIsBack() throws Exception {
        int rowsBefore = db.all().size();
        stack.killBackend();
        kiosk = kiosk(Clock.systemUTC());
        Screen refused = kiosk.request(Cards.PIN, BUNKYO, 1);
        assertEquals(SessionState.REFUSED, refused.state());
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, refused.error());
        kiosk.acknowledge();
        kiosk.close();
        kiosk = null;
        stack.startBackend();
        assertEquals(rowsBefore, db.all().size(), "nothing was issued while the backend was down");
        String tx = issueAndPrint();
        db.awaitStatus(tx, "PRINTED", BACKEND_WAIT);
    }

    /** The backend answers after the center's deadline: BACKEND_UNAVAILABLE; what it issued is voided by reconciliation. */
    @Test
    @Order(8)
    void aBackendSlowerThanTheDeadlineIsBackendUnavailableAndNothingStaysIssued() throws Exception {
        Set<String> before = db.all().keySet();
        kiosk = kiosk(Clock.systemUTC());
        kiosk.toPin();
        kiosk.typePin(Cards.PIN);
        kiosk.session().submitPin();
        kiosk.await(SessionState.REMOVE_CARD, SessionState.MUNICIPALITY);
        kiosk.removeCard();
        kiosk.awaitWhere(s -> s.state() == SessionState.MUNICIPALITY && s.municipalities() != null);
        kiosk.session().chooseMunicipality(BUNKYO);
        stack.backendLink.holdAnswers(true);
        try {
            kiosk.session().chooseCopies(1);
            Screen refused = kiosk.await(SessionState.REFUSED, SessionState.CONFIRM);
            assertEquals(SessionState.REFUSED, refused.state());
            assertEquals(ErrorCode.BACKEND_UNAVAILABLE, refused.error());
        } finally {
            stack.backendLink.holdAnswers(false);
        }
        kiosk.acknowledge();
        for (String tx : newTransactions(before)) {
            db.awaitStatus(tx, "VOIDED", BACKEND_WAIT);
        }
        assertEquals(0, printer.attempts.get());
        String tx = issueAndPrint();
        db.awaitStatus(tx, "PRINTED", BACKEND_WAIT);
    }

    /** The line breaks once while the PDF is on its way: the kiosk asks again with the same transaction; one issuance, printed. */
    @Test
    @Order(9)
    void aLineCutOnceWhileThePdfIsInFlightPrintsOneIssuance() throws Exception {
        Set<String> before = db.all().keySet();
        kiosk = kiosk(Clock.systemUTC());
        toCopies();
        kioskLink.cutAnswersAfter(3000, 1);
        kiosk.session().chooseCopies(1);
        Screen confirm = kiosk.await(SessionState.CONFIRM, SessionState.REFUSED);
        assertEquals(1, kioskLink.cutsDone(), "the answer was cut");
        assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
        kiosk.session().confirm();
        kiosk.pay(confirm.feeYen());
        kiosk.await(SessionState.TAKE_CERTIFICATE);
        kiosk.session().done();
        kiosk.awaitOutcomesDelivered();
        assertEquals(Set.of(confirm.transactionId()), newTransactions(before), "one issuance, not two");
        db.awaitStatus(confirm.transactionId(), "PRINTED", BACKEND_WAIT);
        assertEquals(1, printer.printed.get());
    }

    /** The line breaks on both tries: CENTER_UNAVAILABLE, nothing charged, the issuance voided. */
    @Test
    @Order(10)
    void aLineCutForGoodWhileThePdfIsInFlightIsCenterUnavailableAndVoided() throws Exception {
        Set<String> before = db.all().keySet();
        kiosk = kiosk(Clock.systemUTC());
        toCopies();
        int cutsBefore = kioskLink.cutsDone();
        kioskLink.cutAnswersAfter(3000, 2);
        kiosk.session().chooseCopies(1);
        Screen refused = kiosk.await(SessionState.REFUSED, SessionState.CONFIRM);
        assertEquals(2, kioskLink.cutsDone() - cutsBefore);
        assertEquals(SessionState.REFUSED, refused.state());
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, refused.error());
        kiosk.acknowledge();
        kiosk.awaitOutcomesDelivered();
        Set<String> made = newTransactions(before);
        assertEquals(1, made.size(), "the retry reused the transaction: " + made);
        IssuanceDb.Row row = db.awaitStatus(made.iterator().next(), "VOIDED", BACKEND_WAIT);
        assertEquals("TERMINAL_ERROR", row.voidReason());
        assertEquals(0, printer.attempts.get());
        assertEquals(List.of(), kiosk.coins.payouts());
        assertEquals(0L, kiosk.coins.keptYen());
    }

    /**
     * {@code kill -9} of the center after the backend issued but before the PDF left: the kiosk prints
     * nothing and takes no money; the kiosk is switched off too (its VOIDED report is lost with it),
     * and once a center is back, reconciliation voids the issuance (NO_OUTCOME).
     */
    @Test
    @Order(11)
    void theCenterKilledMidIssuanceEndsVoidedByReconciliation() throws Exception {
        Set<String> before = db.all().keySet();
        kiosk = kiosk(Clock.systemUTC());
        toCopies();
        stack.backendLink.holdAnswers(true);
        String tx;
        try {
            kiosk.session().chooseCopies(1);
            tx = awaitNewTransaction(before);
            assertEquals("ISSUED", db.byTransaction(tx).orElseThrow().status());
            stack.killCenter();
        } finally {
            stack.backendLink.holdAnswers(false);
        }
        Screen refused = kiosk.await(SessionState.REFUSED);
        assertEquals(ErrorCode.CENTER_UNAVAILABLE, refused.error());
        assertEquals(0, printer.attempts.get(), "nothing printed");
        assertEquals(List.of(), kiosk.coins.payouts());
        assertEquals(0L, kiosk.coins.keptYen(), "nothing charged");
        kiosk.close();
        kiosk = null;
        assertEquals("ISSUED", db.byTransaction(tx).orElseThrow().status(), "no one told the backend yet");

        stack.startCenter();
        IssuanceDb.Row row = db.awaitStatus(tx, "VOIDED", BACKEND_WAIT);
        assertEquals("NO_OUTCOME", row.voidReason());
        String next = issueAndPrint();
        db.awaitStatus(next, "PRINTED", BACKEND_WAIT);
    }

    /**
     * The kiosk prints, then loses its line for longer than the reconciliation wait: the center voids
     * the issuance (NO_OUTCOME) as presumably unprinted. When the line is back the kiosk's PRINTED
     * report must still win — the resident holds the certificate — as it does over the backend's own
     * timeout void.
     */
    @Test
    @Order(13)
    void aPrintedReportDelayedPastReconciliationStillEndsPrinted() throws Exception {
        printWhileOfflinePastReconciliation(false);
    }

    /**
     * The same, but the center is killed and started again while the kiosk's line is down: the
     * restarted center has no memory of the transaction and the backend no longer lists it as
     * unconfirmed (reconciliation voided it), so the center must ask the backend where the
     * transaction belongs — else the report is refused and the printed certificate stays VOIDED.
     */
    @Test
    @Order(14)
    void aPrintedReportDelayedPastReconciliationReachesARestartedCenterAndEndsPrinted() throws Exception {
        printWhileOfflinePastReconciliation(true);
    }

    private void printWhileOfflinePastReconciliation(boolean restartCenterMeanwhile) throws Exception {
        kiosk = kiosk(Clock.systemUTC());
        Screen confirm = kiosk.request(Cards.PIN, BUNKYO, 1);
        assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
        kioskLink.down(true);
        try {
            kiosk.session().confirm();
            kiosk.pay(confirm.feeYen());
            kiosk.await(SessionState.TAKE_CERTIFICATE);
            kiosk.session().done();
            assertEquals(1, printer.printed.get());
            if (restartCenterMeanwhile) {
                stack.killCenter();
                stack.startCenter();
            }
            IssuanceDb.Row voided = db.awaitStatus(confirm.transactionId(), "VOIDED", BACKEND_WAIT);
            assertEquals("NO_OUTCOME", voided.voidReason(), "reconciled while the kiosk was offline");
        } finally {
            kioskLink.down(false);
        }
        kiosk.awaitOutcomesDelivered();
        db.awaitStatus(confirm.transactionId(), "PRINTED", BACKEND_WAIT);
    }

    /**
     * Kiosk clocks off by minutes or hours from the center's: the kiosk's clock drives only its own
     * screen timeouts; service hours, the board's last-seen time and reconciliation run on the
     * center's and the backend's clocks, and TLS certificates are back-dated an hour — so issuing works.
     */
    @Test
    @Order(12)
    void kioskClocksSkewedFromTheCentersStillIssueAndPrint() throws Exception {
        for (Duration skew : List.of(Duration.ofMinutes(20), Duration.ofMinutes(-20), Duration.ofHours(3))) {
            try (FirmwareKiosk skewed = kiosk(Clock.offset(Clock.systemUTC(), skew))) {
                Screen confirm = skewed.request(Cards.PIN, BUNKYO, 1);
                assertEquals(SessionState.CONFIRM, confirm.state(), () -> "skew " + skew + ": refused " + confirm.error());
                skewed.session().confirm();
                skewed.pay(confirm.feeYen());
                skewed.await(SessionState.TAKE_CERTIFICATE);
                skewed.session().done();
                skewed.awaitOutcomesDelivered();
                db.awaitStatus(confirm.transactionId(), "PRINTED", BACKEND_WAIT);
            }
        }
    }

    /**
     * The center's own clock hours ahead of, or minutes behind, the backend's (libfaketime in the
     * center's process only). Reconciliation asks the backend for issuances older than a duration the
     * backend measures on its own clock, so a center far ahead does not void an issuance the kiosk is
     * still paying for; the center's service hours and TLS checks keep working within the
     * certificates' hour of back-dating.
     */
    @Test
    @Order(15)
    void aCenterClockSkewedFromTheBackendsVoidsNothingEarlyAndIssues() throws Exception {
        try {
            for (String offset : List.of("+3h", "-20m")) {
                stack.killCenter();
                stack.startCenterOnShiftedClock(offset);
                kiosk = kiosk(Clock.systemUTC());
                Screen confirm = kiosk.request(Cards.PIN, BUNKYO, 1);
                assertEquals(SessionState.CONFIRM, confirm.state(), () -> offset + ": refused " + confirm.error());
                Thread.sleep(6_000); // three reconciliation rounds, well inside reconcile-after (20 s)
                assertEquals("ISSUED", db.byTransaction(confirm.transactionId()).orElseThrow().status(),
                        offset + ": voided while the resident was paying");
                kiosk.session().confirm();
                kiosk.pay(confirm.feeYen());
                kiosk.await(SessionState.TAKE_CERTIFICATE);
                kiosk.session().done();
                kiosk.awaitOutcomesDelivered();
                db.awaitStatus(confirm.transactionId(), "PRINTED", BACKEND_WAIT);
                kiosk.close();
                kiosk = null;
            }
        } finally {
            stack.killCenter();
            stack.startCenter();
        }
    }

    @Test
    @Order(20)
    void everyIssuanceEndedPrintedOrVoidedAndNothingPersonalIsLeft() throws Exception {
        long deadline = System.nanoTime() + BACKEND_WAIT.toNanos();
        while (db.count("ISSUED") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, db.count("ISSUED"), () -> "still ISSUED: " + safeAll());
        assertEquals(0, db.duplicateCertificateIds());
        assertTrue(db.count("PRINTED") >= 5, "the scenarios printed");
        Launcher.Result audit = stack.backendCommand("audit-verify");
        assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());

        var hanako = Cards.resident(Cards.HANAKO);
        List<Path> excluded = List.of(state.resolve("cards"), state.resolve("backend"), state.resolve("demo"));
        List<LeftoverScanner.Finding> findings = new LeftoverScanner(Cards.name(hanako), hanako.myNumber().digits(), excluded)
                .scan(List.of(state), started); // the launched JVMs' tmpdir is state/tmp
        assertEquals(List.of(), findings, "leftovers on the kiosk or center side");
    }

    // --- helpers -------------------------------------------------------------------------------

    private FirmwareKiosk kiosk(Clock clock) {
        return new FirmwareKiosk(stack.pki(), TERMINAL, "127.0.0.1:" + kioskLink.port(), card, printer, clock);
    }

    private void toCopies() throws Exception {
        kiosk.toPin();
        kiosk.typePin(Cards.PIN);
        kiosk.session().submitPin();
        kiosk.await(SessionState.REMOVE_CARD, SessionState.MUNICIPALITY);
        kiosk.removeCard();
        kiosk.awaitWhere(s -> s.state() == SessionState.MUNICIPALITY && s.municipalities() != null);
        kiosk.session().chooseMunicipality(BUNKYO);
        kiosk.await(SessionState.COPIES);
    }

    /** A whole issuance on a fresh kiosk: returns its transaction id once printed and reported. */
    private String issueAndPrint() throws Exception {
        int printedBefore = printer.printed.get();
        try (FirmwareKiosk k = kiosk(Clock.systemUTC())) {
            Screen confirm = k.request(Cards.PIN, BUNKYO, 1);
            assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
            k.session().confirm();
            k.pay(confirm.feeYen());
            k.await(SessionState.TAKE_CERTIFICATE);
            k.session().done();
            k.awaitOutcomesDelivered();
            assertEquals(printedBefore + 1, printer.printed.get());
            return confirm.transactionId();
        }
    }

    private void printerFailsAfterPayment(Mode mode) throws Exception {
        kiosk = kiosk(Clock.systemUTC());
        Screen confirm = kiosk.request(Cards.PIN, BUNKYO, 1);
        assertEquals(SessionState.CONFIRM, confirm.state(), () -> "refused: " + confirm.error());
        printer.mode(mode);
        kiosk.session().confirm();
        kiosk.coins.insert(100);
        kiosk.coins.insert(50);
        Screen refused = kiosk.await(SessionState.REFUSED);
        assertEquals(ErrorCode.PRINTER_ERROR, refused.error());
        assertEquals(List.of(30, confirm.feeYen()), kiosk.coins.payouts(), "change, then the whole fee back");
        assertEquals(0L, kiosk.coins.keptYen());
        IssuanceDb.Row row = db.awaitStatus(confirm.transactionId(), "VOIDED", BACKEND_WAIT);
        assertEquals("PRINTER_FAILED", row.voidReason());
    }

    private Set<String> newTransactions(Set<String> before) throws Exception {
        Set<String> now = new HashSet<>(db.all().keySet());
        now.removeAll(before);
        return now;
    }

    private String awaitNewTransaction(Set<String> before) throws Exception {
        long deadline = System.nanoTime() + BACKEND_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> made = newTransactions(before);
            if (!made.isEmpty()) {
                assertEquals(1, made.size());
                return made.iterator().next();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the backend never issued");
    }

    private String safeAll() {
        try {
            return db.all().values().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private void copyLogs() {
        try {
            Path target = Path.of("target", "system-logs", getClass().getSimpleName());
            Files.createDirectories(target);
            try (var logs = Files.list(stack.shomei.logs())) {
                for (Path log : logs.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            // the logs are a convenience for the build report
        }
    }
}
