package dev.shomei.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardFiles;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.HeartbeatSender;
import dev.shomei.kiosk.center.OutcomeJournal;
import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.kiosk.testing.FakePrinter;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.ManualExecutor;
import dev.shomei.kiosk.testing.MutableClock;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.PrintResult;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.VoidReason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of the session state machine, one by one, and every timeout. */
class KioskSessionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REMINDER = Duration.ofSeconds(8);

    private MutableClock clock;
    private ManualExecutor worker;
    private FakeCard card;
    private FakeCenter center;
    private SimulatedCoinUnit cash;
    private FakePrinter printer;
    private KioskSession session;
    private HeartbeatSender heartbeat;
    private final List<Screen> screens = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock = MutableClock.noonInJapan();
        worker = new ManualExecutor();
        card = new FakeCard("1234");
        center = new FakeCenter();
        cash = new SimulatedCoinUnit();
        printer = new FakePrinter();
        OutcomeOutbox outbox = new OutcomeOutbox(center, Runnable::run, 100);
        session = new KioskSession(new KioskSession.Devices(card, center, cash, printer), outbox, clock,
                SessionTimeouts.uniform(TIMEOUT, REMINDER), worker, 5);
        session.addListener(screens::add);
        heartbeat = new HeartbeatSender(center, outbox, new KioskSession.Devices(card, center, cash, printer),
                session::terminalState, session.counters(), session, clock);
    }

    @Test
    void aPrintedOutcomeIsOnTheDiskBeforeTheCertificateIsHandedOutAndSurvivesACrash(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("outcomes.journal");
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "line down"));
        OutcomeJournal journal = OutcomeJournal.open(file, 100);
        session = new KioskSession(new KioskSession.Devices(card, center, cash, printer),
                new OutcomeOutbox(center, Runnable::run, 100, journal), clock,
                SessionTimeouts.uniform(TIMEOUT, REMINDER), worker, 5);
        toTakeCertificate();
        assertState(SessionState.TAKE_CERTIFICATE);
        String transactionId = center.responses.getLast().transactionId();
        assertEquals(List.of("+ " + transactionId + " PRINTED NONE 240"), Files.readAllLines(file),
                "forced to the disk before the screen says take your certificate");
        assertEquals(List.of(), new LeftoverScanner(FakeCenter.NAME, "123456789018", List.of()).scanFile(file),
                "transaction id and result only");
        // the kiosk dies here (nothing closed); a new one starts on the same state directory
        center.failOutcome(null);
        OutcomeOutbox restarted = new OutcomeOutbox(center, Runnable::run, 100, OutcomeJournal.open(file, 100));
        assertEquals(0, restarted.pending());
        assertEquals(List.of(PrintOutcome.printed(transactionId, 240)), center.outcomes, "replayed after the restart");
        assertEquals(List.of(), Files.readAllLines(file), "nothing left once the center took it");
    }

    // --- helpers: walk the happy path up to a screen ------------------------------------------

    private void toService() {
        session.start();
    }

    private void toLanguage() {
        toService();
        session.chooseService(Service.VACCINATION_CERTIFICATE);
    }

    private void toCertificateType() {
        toLanguage();
        session.chooseLanguage(Language.JA);
    }

    private void toPlaceCard(CertificateType type) {
        toCertificateType();
        session.chooseCertificateType(type);
    }

    private void toCheckingCard() {
        toPlaceCard(CertificateType.DOMESTIC);
        insertCard();
    }

    private void toPin() {
        toCheckingCard();
        worker.runAll();
    }

    private void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            session.pinDigit(c - '0');
        }
    }

    private void toReading(String pin) {
        toPin();
        typePin(pin);
        session.submitPin();
    }

    private void toRemoveCard() {
        toReading("1234");
        worker.runAll();
    }

    private void toMunicipality() {
        toRemoveCard();
        removeCard();
    }

    private void toCopies() {
        toMunicipality();
        session.chooseMunicipality(FakeCenter.BUNKYO);
    }

    private void toRequesting(int copies) {
        toCopies();
        session.chooseCopies(copies);
    }

    private void toConfirm() {
        toRequesting(2);
        worker.runAll();
    }

    private void toPayment() {
        toConfirm();
        session.confirm();
    }

    private void toPrinting() {
        toPayment();
        cash.insert(500);
    }

    private void toTakeCertificate() {
        toPrinting();
        worker.runAll();
    }

    private void insertCard() {
        card.setPresent(true);
        session.cardInserted();
    }

    private void removeCard() {
        card.setPresent(false);
        session.cardRemoved();
    }

    private void assertState(SessionState expected) {
        assertEquals(expected, session.state());
        assertEquals(expected, session.screen().state());
    }

    private void assertRefused(ErrorCode code) {
        assertState(SessionState.REFUSED);
        assertEquals(code, session.screen().error());
        assertTrue(session.isWiped(), "a refusal wipes the session");
    }

    private void assertInvalid(Runnable action) {
        SessionState before = session.state();
        ShomeiException e = assertThrows(ShomeiException.class, action::run);
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertEquals(before, session.state(), "a rejected action changes nothing");
    }

    private void assertCardFilesWiped() {
        assertFalse(card.filesHandedOut.isEmpty());
        for (CardFiles files : card.filesHandedOut) {
            for (byte[] file : List.of(files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004())) {
                assertArrayEquals(new byte[file.length], file, "card file wiped");
            }
        }
    }

    private void assertPdfWiped() {
        for (IssueResponse response : center.responses) {
            assertArrayEquals(new byte[response.pdfLength()], response.pdf(), "PDF wiped");
        }
        for (byte[] handed : printer.arraysSeen) {
            assertArrayEquals(new byte[handed.length], handed, "printer's PDF copy wiped");
        }
    }

    private PrintOutcome lastOutcome() {
        assertFalse(center.outcomes.isEmpty(), "an outcome was reported");
        return center.outcomes.get(center.outcomes.size() - 1);
    }

    // --- IDLE -> SERVICE -> LANGUAGE -> CERTIFICATE_TYPE ---------------------------------------

    @Nested
    class Selection {
        @Test
        void idleStartsASession() {
            assertState(SessionState.IDLE);
            assertEquals(TerminalState.IDLE, session.terminalState());
            session.start();
            assertState(SessionState.SERVICE);
            assertEquals(TerminalState.IN_SERVICE, session.terminalState());
        }

        @Test
        void startOutsideIdleIsRejected() {
            toService();
            assertInvalid(session::start);
        }

        @Test
        void serviceLeadsToLanguage() {
            toService();
            session.chooseService(Service.VACCINATION_CERTIFICATE);
            assertState(SessionState.LANGUAGE);
        }

        @Test
        void aMissingServiceIsRejected() {
            toService();
            assertInvalid(() -> session.chooseService(null));
        }

        @Test
        void languageLeadsToCertificateType() {
            toLanguage();
            session.chooseLanguage(Language.EN);
            assertState(SessionState.CERTIFICATE_TYPE);
            assertEquals(Language.EN, session.screen().language());
        }

        @Test
        void languageBackGoesToService() {
            toLanguage();
            session.back();
            assertState(SessionState.SERVICE);
        }

        @Test
        void certificateTypeLeadsToPlaceCard() {
            toCertificateType();
            session.chooseCertificateType(CertificateType.OVERSEAS);
            assertState(SessionState.PLACE_CARD);
            assertEquals(CertificateType.OVERSEAS, session.screen().certificateType());
        }

        @Test
        void certificateTypeWithTheCardAlreadyThereChecksIt() {
            toCertificateType();
            insertCard();
            assertState(SessionState.CERTIFICATE_TYPE);
            session.chooseCertificateType(CertificateType.DOMESTIC);
            assertState(SessionState.CHECKING_CARD);
        }

        @Test
        void certificateTypeBackGoesToLanguage() {
            toCertificateType();
            session.back();
            assertState(SessionState.LANGUAGE);
        }

        @Test
        void actionsOfOtherScreensAreRejected() {
            toService();
            assertInvalid(() -> session.chooseLanguage(Language.JA));
            assertInvalid(() -> session.pinDigit(1));
            assertInvalid(session::submitPin);
            assertInvalid(() -> session.chooseMunicipality(FakeCenter.BUNKYO));
            assertInvalid(session::confirm);
            assertInvalid(session::done);
            assertInvalid(session::acknowledge);
            assertInvalid(session::back);
        }
    }

    // --- PLACE_CARD -> CHECKING_CARD -> PIN ----------------------------------------------------

    @Nested
    class Card {
        @Test
        void placingTheCardChecksItsTriesLeft() {
            toPlaceCard(CertificateType.DOMESTIC);
            insertCard();
            assertState(SessionState.CHECKING_CARD);
            assertTrue(session.screen().cardPresent());
        }

        @Test
        void placeCardBackGoesToCertificateType() {
            toPlaceCard(CertificateType.DOMESTIC);
            session.back();
            assertState(SessionState.CERTIFICATE_TYPE);
        }

        @Test
        void triesLeftAreShownBeforeTheFirstTry() {
            card.setTriesLeft(2);
            toCheckingCard();
            worker.runAll();
            assertState(SessionState.PIN);
            assertEquals(2, session.screen().triesLeft());
            assertEquals(0, card.verifies(), "no VERIFY before the resident typed");
        }

        @Test
        void aBlockedCardIsRefusedWithoutAVerify() {
            card.setTriesLeft(0);
            toCheckingCard();
            worker.runAll();
            assertRefused(ErrorCode.PIN_BLOCKED);
            assertEquals(0, card.verifies());
            assertTrue(card.pinsSeen.isEmpty());
        }

        @Test
        void anUnreadableCardIsRefused() {
            card.failTriesLeft(new ShomeiException(ErrorCode.CARD_UNREADABLE, "SW 6F00"));
            toCheckingCard();
            worker.runAll();
            assertRefused(ErrorCode.CARD_UNREADABLE);
        }

        @Test
        void removingTheCardWhileCheckingIsRefused() {
            toCheckingCard();
            removeCard();
            assertRefused(ErrorCode.CARD_REMOVED);
            worker.runAll();
            assertRefused(ErrorCode.CARD_REMOVED);
        }
    }

    // --- PIN -> READING ------------------------------------------------------------------------

    @Nested
    class Pin {
        @Test
        void digitsAreCountedNotShown() {
            toPin();
            typePin("12");
            assertEquals(2, session.screen().pinLength());
            session.pinBackspace();
            assertEquals(1, session.screen().pinLength());
            session.pinClear();
            assertEquals(0, session.screen().pinLength());
            assertState(SessionState.PIN);
        }

        @Test
        void exactlyFourDigits() {
            toPin();
            typePin("123");
            assertInvalid(session::submitPin);
            session.pinDigit(4);
            assertInvalid(() -> session.pinDigit(5));
            assertEquals(4, session.screen().pinLength());
        }

        @Test
        void onlyDigits() {
            toPin();
            assertInvalid(() -> session.pinDigit(10));
            assertInvalid(() -> session.pinDigit(-1));
            assertEquals(0, session.screen().pinLength());
        }

        @Test
        void submittingReadsTheCardAndWipesThePin() {
            toPin();
            typePin("1234");
            session.submitPin();
            assertState(SessionState.READING);
            assertEquals(0, session.screen().pinLength());
            worker.runAll();
            assertState(SessionState.REMOVE_CARD);
            assertEquals(1, card.pinsSeen.size());
            assertArrayEquals(new char[4], card.pinsSeen.get(0), "the PIN handed to the card is wiped");
        }

        @Test
        void removingTheCardAtThePinPadIsRefused() {
            toPin();
            typePin("12");
            removeCard();
            assertRefused(ErrorCode.CARD_REMOVED);
        }

        @Test
        void noScreenEverCarriesADigit() {
            toPin();
            typePin("9876");
            for (Screen screen : screens) {
                assertFalse(screen.toString().contains("9876"));
            }
        }
    }

    // --- READING -> REMOVE_CARD | PIN | REFUSED ------------------------------------------------

    @Nested
    class Reading {
        @Test
        void aWrongPinGoesBackToThePadWithTheTriesLeft() {
            toReading("1111");
            worker.runAll();
            assertState(SessionState.PIN);
            assertEquals(2, session.screen().triesLeft());
            assertEquals(ErrorCode.PIN_INCORRECT, session.screen().notice());
            assertEquals(0, session.screen().pinLength());
        }

        @Test
        void aWrongThenARightPinReadsTheCard() {
            toReading("1111");
            worker.runAll();
            typePin("1234");
            session.submitPin();
            assertNull(session.screen().notice());
            worker.runAll();
            assertState(SessionState.REMOVE_CARD);
        }

        @Test
        void theTryThatExhaustsTheCounterBlocks() {
            card.setTriesLeft(1);
            toReading("1111");
            worker.runAll();
            assertRefused(ErrorCode.PIN_BLOCKED);
            assertEquals(0, card.triesLeftNow());
        }

        @Test
        void threeWrongPinsBlockAndNoFourthVerifyIsSent() {
            toReading("1111");
            worker.runAll();
            typePin("2222");
            session.submitPin();
            worker.runAll();
            typePin("3333");
            session.submitPin();
            worker.runAll();
            assertRefused(ErrorCode.PIN_BLOCKED);
            assertEquals(3, card.verifies());
            session.acknowledge();
            toCertificateType();
            session.chooseCertificateType(CertificateType.DOMESTIC);
            worker.runAll();
            assertRefused(ErrorCode.PIN_BLOCKED);
            assertEquals(3, card.verifies(), "a blocked card gets no VERIFY");
        }

        @Test
        void aCardRemovedDuringTheReadIsRefused() {
            toReading("1234");
            card.failRead(new ShomeiException(ErrorCode.CARD_REMOVED, "gone"));
            removeCard();
            assertState(SessionState.READING);
            worker.runAll();
            assertRefused(ErrorCode.CARD_REMOVED);
        }

        @Test
        void aReadCompletedAsTheCardLeftSkipsTheRemoveScreen() {
            toReading("1234");
            removeCard();
            worker.runAll();
            assertState(SessionState.MUNICIPALITY);
        }

        @Test
        void cancelWhileReadingWipesTheLateFiles() {
            toReading("1234");
            session.cancel();
            assertState(SessionState.IDLE);
            worker.runAll();
            assertState(SessionState.IDLE);
            assertCardFilesWiped();
            assertTrue(session.isWiped());
        }
    }

    // --- REMOVE_CARD -> MUNICIPALITY -> COPIES -------------------------------------------------

    @Nested
    class Municipality {
        @Test
        void theResidentCannotGoOnWhileTheCardIsIn() {
            toRemoveCard();
            assertState(SessionState.REMOVE_CARD);
            assertInvalid(() -> session.chooseMunicipality(FakeCenter.BUNKYO));
            assertInvalid(session::back);
            clock.advance(TIMEOUT.minusSeconds(1));
            session.tick();
            assertState(SessionState.REMOVE_CARD);
        }

        @Test
        void removingTheCardShowsTheCentersList() {
            toRemoveCard();
            removeCard();
            assertState(SessionState.MUNICIPALITY);
            List<Screen.MunicipalityChoice> list = session.screen().municipalities();
            assertNotNull(list);
            assertEquals(1741, list.size(), "every municipality of Japan");
            java.util.Map<String, Screen.MunicipalityChoice> byCode = list.stream()
                    .collect(java.util.stream.Collectors.toMap(Screen.MunicipalityChoice::code, m -> m));
            assertTrue(byCode.get(FakeCenter.BUNKYO).selectable());
            assertEquals("ぶんきょうく", byCode.get(FakeCenter.BUNKYO).nameKana());
            assertEquals(13, byCode.get(FakeCenter.BUNKYO).prefecture());
            assertFalse(byCode.get(FakeCenter.NIGHT_ONLY).selectable(), "closed at noon");
            assertEquals(ErrorCode.OUTSIDE_SERVICE_HOURS, byCode.get(FakeCenter.NIGHT_ONLY).reason());
            Screen.MunicipalityChoice naha = byCode.get("472018");
            assertFalse(naha.selectable());
            assertFalse(naha.participating());
            assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, naha.reason());
            assertFalse(list.stream().anyMatch(Screen.MunicipalityChoice::home), "the fake card has no address");
        }

        @Test
        void theCardAddressMunicipalityIsOfferedFirst() {
            card.livingAt("東京都文京区春日一丁目１６番２１号");
            toRemoveCard();
            removeCard();
            List<Screen.MunicipalityChoice> homes = session.screen().municipalities().stream()
                    .filter(Screen.MunicipalityChoice::home).toList();
            assertEquals(List.of(FakeCenter.BUNKYO), homes.stream().map(Screen.MunicipalityChoice::code).toList());
            session.cancel();
            assertFalse(session.screen().municipalities() != null
                    && session.screen().municipalities().stream().anyMatch(Screen.MunicipalityChoice::home),
                    "nothing of the address stays for the next customer");
        }

        @Test
        void aMunicipalityThatDoesNotTakePartIsRefusedPlainly() {
            toRemoveCard();
            removeCard();
            session.chooseMunicipality("472018");
            assertState(SessionState.REFUSED);
            assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, session.screen().error());
        }

        @Test
        void theListIsLoadingUntilTheCenterAnswers() {
            toReading("1234");
            worker.runNext();
            assertState(SessionState.REMOVE_CARD);
            assertEquals(1, worker.pending(), "the list is fetched while the card is taken out");
            removeCard();
            assertState(SessionState.MUNICIPALITY);
            assertNull(session.screen().municipalities(), "loading");
            assertInvalid(() -> session.chooseMunicipality(FakeCenter.BUNKYO));
            worker.runAll();
            assertNotNull(session.screen().municipalities());
            session.chooseMunicipality(FakeCenter.BUNKYO);
            assertState(SessionState.COPIES);
        }

        @Test
        void aParticipatingMunicipalityLeadsToCopies() {
            toMunicipality();
            session.chooseMunicipality(FakeCenter.SHINJUKU);
            assertState(SessionState.COPIES);
            assertEquals(FakeCenter.SHINJUKU, session.screen().municipality().code());
            assertEquals(200, session.screen().feeYen());
        }

        @Test
        void aMunicipalityNotInTheListIsRefused() {
            toMunicipality();
            session.chooseMunicipality("999997");
            assertRefused(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
        }

        @Test
        void theRefusalStaysInTheResidentsLanguage() {
            toService();
            session.chooseService(Service.VACCINATION_CERTIFICATE);
            session.chooseLanguage(Language.EN);
            session.chooseCertificateType(CertificateType.DOMESTIC);
            insertCard();
            worker.runAll();
            removeCard();
            assertRefused(ErrorCode.CARD_REMOVED);
            assertEquals(Language.EN, session.screen().language());
            session.acknowledge();
            assertNull(session.screen().language());
        }

        @Test
        void notListedIsRefusedWithWhatToDo() {
            toMunicipality();
            session.municipalityNotListed();
            assertRefused(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
        }

        @Test
        void aMunicipalityWithoutTheTypeIsNotSelectable() {
            toPlaceCard(CertificateType.OVERSEAS);
            insertCard();
            worker.runAll();
            typePin("1234");
            session.submitPin();
            worker.runAll();
            removeCard();
            Screen.MunicipalityChoice domesticOnly = session.screen().municipalities().get(2);
            assertFalse(domesticOnly.selectable());
            assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, domesticOnly.reason());
            session.chooseMunicipality(FakeCenter.DOMESTIC_ONLY);
            assertRefused(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING);
        }

        @Test
        void aClosedMunicipalityIsRefused() {
            toMunicipality();
            session.chooseMunicipality(FakeCenter.NIGHT_ONLY);
            assertRefused(ErrorCode.OUTSIDE_SERVICE_HOURS);
        }

        @Test
        void aLostCenterIsRefusedOnceTheCardIsOut() {
            center.failList(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
            toRemoveCard();
            assertState(SessionState.REMOVE_CARD);
            removeCard();
            assertRefused(ErrorCode.CENTER_UNAVAILABLE);
            assertCardFilesWiped();
        }

        @Test
        void copiesLeadToTheCenter() {
            toCopies();
            session.chooseCopies(3);
            assertState(SessionState.REQUESTING);
            assertEquals(3 * FakeCenter.FEE, session.screen().feeYen());
        }

        @Test
        void copiesAreBounded() {
            toCopies();
            assertInvalid(() -> session.chooseCopies(0));
            assertInvalid(() -> session.chooseCopies(6));
        }

        @Test
        void copiesBackGoesToTheList() {
            toCopies();
            session.back();
            assertState(SessionState.MUNICIPALITY);
            assertNull(session.screen().municipality());
        }
    }

    // --- REQUESTING -> CONFIRM -----------------------------------------------------------------

    @Nested
    class Requesting {
        @Test
        void theCenterGetsTheRawCardFilesAndTheChoices() {
            toRequesting(2);
            worker.runAll();
            assertEquals(1, center.requests.size());
            var request = center.requests.get(0);
            assertEquals(FakeCenter.BUNKYO, request.municipalityCode());
            assertEquals(2, request.copies());
            assertEquals(CertificateType.DOMESTIC, request.certificateType());
            assertEquals(Language.JA, request.language());
            assertArrayEquals(FakeCard.EF0001, center.ef0001Received.get(0));
            assertArrayEquals(new byte[FakeCard.EF0001.length], request.ef0001(), "the sent request is wiped");
        }

        @Test
        void theConfirmScreenShowsNameBirthDateAndDoses() {
            toConfirm();
            assertState(SessionState.CONFIRM);
            Screen screen = session.screen();
            assertEquals(FakeCenter.NAME, screen.summary().name());
            assertEquals(2, screen.summary().doses().size());
            assertEquals(2 * FakeCenter.FEE, screen.feeYen());
        }

        @Test
        void aRefusalShowsItsCode() {
            center.failIssue(new ShomeiException(ErrorCode.NO_RECORD, "none"));
            toRequesting(1);
            worker.runAll();
            assertRefused(ErrorCode.NO_RECORD);
            assertTrue(center.outcomes.isEmpty(), "nothing was issued, nothing to void");
        }

        @Test
        void aLostCenterIsRefusedAndTheTransactionVoided() {
            center.failIssue(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "line down"));
            toRequesting(1);
            worker.runAll();
            assertRefused(ErrorCode.CENTER_UNAVAILABLE);
            assertEquals(PrintResult.VOIDED, lastOutcome().result());
        }

        @Test
        void cancelWhileRequestingVoidsTheLateCertificate() {
            toRequesting(1);
            session.cancel();
            assertState(SessionState.IDLE);
            worker.runAll();
            assertState(SessionState.IDLE);
            PrintOutcome outcome = lastOutcome();
            assertEquals(PrintResult.VOIDED, outcome.result());
            assertEquals(VoidReason.CANCELLED, outcome.reason());
            assertPdfWiped();
        }

        @Test
        void anAnswerForAnotherTransactionIsAProtocolError() {
            center.setIssuer(request -> FakeCenter.certificate(new dev.shomei.protocol.line.IssueRequest(
                    "other-transaction", request.municipalityCode(), request.certificateType(), request.copies(),
                    request.language(), request.ef0001(), request.ef0002(), request.ef0003(), request.ef0004())));
            toRequesting(1);
            worker.runAll();
            assertRefused(ErrorCode.PROTOCOL_ERROR);
            assertPdfWiped();
        }
    }

    // --- CONFIRM -> PAYMENT -> PRINTING -> TAKE_CERTIFICATE ------------------------------------

    @Nested
    class Payment {
        @Test
        void confirmOpensThePaymentForTheFee() {
            toPayment();
            assertState(SessionState.PAYMENT);
            assertTrue(cash.isOpen());
            assertNull(session.screen().summary(), "personal data only on the confirm screen");
        }

        @Test
        void cancelOnConfirmVoidsAndWipes() {
            toConfirm();
            session.cancel();
            assertState(SessionState.IDLE);
            assertEquals(VoidReason.CANCELLED, lastOutcome().reason());
            assertPdfWiped();
            assertTrue(session.isWiped());
        }

        @Test
        void aFreeCertificatePrintsWithoutPayment() {
            center.setIssuer(request -> {
                IssueResponse paid = FakeCenter.certificate(request);
                return new IssueResponse(paid.transactionId(), paid.certificateIds(), 0, paid.pages(), paid.summary(), paid.pdf());
            });
            toConfirm();
            session.confirm();
            assertState(SessionState.PRINTING);
            assertFalse(cash.isOpen());
        }

        @Test
        void aFaultyCashUnitIsRefusedAndVoided() {
            toConfirm();
            cash.setFailing(true);
            session.confirm();
            assertRefused(ErrorCode.PAYMENT_ERROR);
            assertEquals(VoidReason.PAYMENT_FAILED, lastOutcome().reason());
        }

        @Test
        void coinsCountUntilTheFeeIsPaid() {
            toPayment();
            assertEquals(SimulatedCoinUnit.Insert.ACCEPTED, cash.insert(100));
            assertState(SessionState.PAYMENT);
            assertEquals(100, session.screen().insertedYen());
            assertEquals(SimulatedCoinUnit.Insert.RETURNED, cash.insert(5), "5 yen coins are not taken");
            cash.insert(100);
            cash.insert(50);
            assertState(SessionState.PRINTING);
            assertEquals(List.of(10), cash.payouts(), "change of 250 - 240");
            assertEquals(10, session.screen().returnedYen());
        }

        @Test
        void cancelDuringPaymentRefundsTheCoins() {
            toPayment();
            cash.insert(100);
            session.cancel();
            assertState(SessionState.IDLE);
            assertEquals(List.of(100), cash.payouts());
            assertEquals(100, session.screen().returnedYen());
            assertFalse(cash.isOpen());
            assertEquals(VoidReason.CANCELLED, lastOutcome().reason());
            assertEquals(OptionalInt.of(0), lastOutcome().chargedYen(), "everything was paid back");
            assertTrue(session.isWiped());
        }

        @Test
        void printedCertificateIsReportedAndWiped() {
            toTakeCertificate();
            assertState(SessionState.TAKE_CERTIFICATE);
            assertEquals(1, printer.printed.size());
            assertEquals(PrintResult.PRINTED, lastOutcome().result());
            assertEquals(center.requests.get(0).transactionId(), lastOutcome().transactionId());
            assertEquals(OptionalInt.of(240), lastOutcome().chargedYen(), "500 in, 260 change: the fee of 240 kept");
            assertEquals(List.of("certificate-" + center.requests.get(0).transactionId()), printer.jobNames,
                    "the print job is named after the transaction, nothing personal");
            assertPdfWiped();
            assertEquals(260, session.screen().returnedYen(), "change of 500 - 240");
            assertEquals(1, session.counters().issued());
            assertFalse(cash.isOpen());
        }

        @Test
        void cancelIsNotPossibleOncePaid() {
            toPrinting();
            assertInvalid(session::cancel);
            worker.runAll();
            assertInvalid(session::cancel);
        }

        @Test
        void aPrinterFailureAfterPaymentRefundsAndVoids() {
            printer.setFailing(true);
            toPrinting();
            worker.runAll();
            assertRefused(ErrorCode.PRINTER_ERROR);
            assertEquals(List.of(260, 240), cash.payouts(), "change, then the fee back");
            assertEquals(240, session.screen().returnedYen());
            PrintOutcome outcome = lastOutcome();
            assertEquals(PrintResult.VOIDED, outcome.result());
            assertEquals(VoidReason.PRINTER_FAILED, outcome.reason());
            assertEquals(0, cash.keptYen());
            assertEquals(OptionalInt.of(0), outcome.chargedYen());
            assertPdfWiped();
        }

        @Test
        void aFeeThatCouldNotBePaidBackIsReportedWithTheVoid() {
            printer.setFailing(true);
            toPrinting();
            cash.setFailing(true);
            worker.runAll();
            assertRefused(ErrorCode.PAYMENT_ERROR);
            PrintOutcome outcome = lastOutcome();
            assertEquals(PrintResult.VOIDED, outcome.result());
            assertEquals(OptionalInt.of(240), outcome.chargedYen(), "the center alerts: the resident is owed 240");
        }

        @Test
        void theReminderRepeatsUntilDone() {
            toTakeCertificate();
            assertEquals(0, session.screen().reminders());
            for (int i = 1; i <= 5; i++) {
                clock.advance(REMINDER);
                session.tick();
                assertEquals(i, session.screen().reminders());
                assertState(SessionState.TAKE_CERTIFICATE);
            }
            session.done();
            assertState(SessionState.IDLE);
            assertTrue(session.isWiped());
        }
    }

    // --- out of service (the center refuses the heartbeat with TERMINAL_DISABLED) -------------

    @Nested
    class OutOfService {
        private final ShomeiException disabled = new ShomeiException(ErrorCode.TERMINAL_DISABLED, "disabled");

        private void disable() {
            center.failHeartbeat(disabled);
            heartbeat.run();
        }

        private void enable() {
            center.failHeartbeat(null);
            heartbeat.run();
        }

        @Test
        void aDisabledTerminalSaysSoOnTheStartScreenAndStartsNoSession() {
            assertFalse(session.screen().outOfService());
            disable();
            assertState(SessionState.IDLE);
            assertTrue(session.screen().outOfService());
            assertTrue(screens.get(screens.size() - 1).outOfService(), "the listeners got the new start screen");
            ShomeiException refused = assertThrows(ShomeiException.class, session::start);
            assertEquals(ErrorCode.TERMINAL_DISABLED, refused.code());
            assertState(SessionState.IDLE);
            assertEquals(TerminalState.IDLE, session.terminalState());
        }

        @Test
        void noCardNoPinReachesADisabledTerminal() {
            disable();
            assertThrows(ShomeiException.class, session::start);
            insertCard();
            worker.runAll();
            assertState(SessionState.IDLE);
            assertEquals(0, card.verifies());
            assertTrue(card.filesHandedOut.isEmpty());
            assertTrue(center.requests.isEmpty());
            assertInvalid(() -> session.pinDigit(1));
        }

        @Test
        void anAcknowledgedHeartbeatMakesTheStartScreenNormalAgain() {
            disable();
            enable();
            assertFalse(session.screen().outOfService());
            session.start();
            assertState(SessionState.SERVICE);
        }

        @Test
        void aLostCenterChangesNothing() {
            disable();
            center.failHeartbeat(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
            heartbeat.run();
            assertTrue(session.screen().outOfService(), "still disabled as far as the kiosk knows");
            center.failHeartbeat(null);
            heartbeat.run();
            center.failHeartbeat(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
            heartbeat.run();
            assertFalse(session.screen().outOfService());
        }

        @Test
        void anOpenSessionGoesOnAndTheCentersRefusalEndsIt() {
            toPin();
            disable();
            assertState(SessionState.PIN);
            center.failList(disabled);
            typePin("1234");
            session.submitPin();
            worker.runAll();
            removeCard();
            assertRefused(ErrorCode.TERMINAL_DISABLED);
            assertCardFilesWiped();
            session.acknowledge();
            assertState(SessionState.IDLE);
            assertTrue(session.screen().outOfService());
            assertThrows(ShomeiException.class, session::start);
        }

        @Test
        void aSessionThatHasNotAskedForTheCardYetEndsAtOnce() {
            toCertificateType();
            disable();
            assertState(SessionState.IDLE);
            assertTrue(session.screen().outOfService());
            assertTrue(session.isWiped());
            insertCard();
            worker.runAll();
            assertEquals(0, card.verifies(), "the card is never asked");
        }

        @Test
        void aSessionThatTimesOutComesBackToTheOutOfServiceScreen() {
            toPin();
            disable();
            assertState(SessionState.PIN);
            clock.advance(TIMEOUT);
            session.tick();
            assertState(SessionState.IDLE);
            assertTrue(session.screen().outOfService());
            assertTrue(session.isWiped());
        }
    }

    // --- ways back, countdown, time ran out ----------------------------------------------------

    @Nested
    class WaysBackAndTime {
        @Test
        void backFromThePinForgetsTheDigitsAndTheCardIsCheckedAgainOnTheSameType() {
            toPin();
            session.pinDigit(1);
            session.back();
            assertState(SessionState.CERTIFICATE_TYPE);
            assertEquals(0, session.screen().pinLength());
            session.chooseCertificateType(CertificateType.DOMESTIC);
            worker.runAll();
            assertState(SessionState.PIN);
            assertEquals(0, card.verifies(), "no PIN was tried");
        }

        @Test
        void backFromTheListLetsTheTypeChangeWithoutReadingTheCardAgain() {
            toMunicipality();
            int reads = card.filesHandedOut.size();
            session.back();
            assertState(SessionState.CERTIFICATE_TYPE);
            session.chooseCertificateType(CertificateType.OVERSEAS);
            assertState(SessionState.MUNICIPALITY);
            assertEquals(reads, card.filesHandedOut.size(), "the card was not read again");
        }

        @Test
        void backFromConfirmVoidsTheIssuanceAndOtherCopiesNeedNoSecondReading() {
            toConfirm();
            String first = session.screen().transactionId();
            session.back();
            assertState(SessionState.COPIES);
            assertEquals(PrintResult.VOIDED, lastOutcome().result());
            assertEquals(VoidReason.CANCELLED, lastOutcome().reason());
            assertEquals(first, lastOutcome().transactionId());
            assertPdfWiped();
            session.chooseCopies(1);
            worker.runAll();
            assertState(SessionState.CONFIRM);
            assertEquals(2, center.requests.size());
            assertArrayEquals(FakeCard.EF0001, center.ef0001Received.get(1), "the same card files, not read again");
            assertEquals(1, card.filesHandedOut.size());
        }

        @Test
        void theCardFilesGoOnceTheResidentConfirms() {
            toConfirm();
            session.confirm();
            assertCardFilesWiped();
        }

        @Test
        void theCountdownWarnsAndMoreTimeStartsTheWaitAgain() {
            toPin();
            clock.advance(TIMEOUT.minusSeconds(21));
            session.tick();
            assertEquals(-1, session.screen().secondsLeft(), "no countdown yet");
            clock.advance(Duration.ofSeconds(2));
            session.tick();
            assertEquals(19, session.screen().secondsLeft());
            session.moreTime();
            assertEquals(-1, session.screen().secondsLeft());
            clock.advance(TIMEOUT.minusSeconds(1));
            session.tick();
            assertState(SessionState.PIN);
            assertEquals(1, session.screen().secondsLeft());
        }

        @Test
        void noMoreTimeWhereTheResidentIsNotAsked() {
            toRequesting(1);
            assertInvalid(() -> session.moreTime());
        }

        @Test
        void timeRanOutSaysSoInTheResidentsLanguageWithTheRefundThenClearsForTheNextCustomer() {
            toService();
            session.chooseService(Service.VACCINATION_CERTIFICATE);
            session.chooseLanguage(Language.EN);
            session.chooseCertificateType(CertificateType.DOMESTIC);
            insertCard();
            worker.runAll();
            session.pinDigit(1);
            session.pinDigit(2);
            session.pinDigit(3);
            session.pinDigit(4);
            session.submitPin();
            worker.runAll();
            removeCard();
            worker.runAll();
            session.chooseMunicipality(FakeCenter.BUNKYO);
            session.chooseCopies(1);
            worker.runAll();
            session.confirm();
            cash.insert(100);
            clock.advance(TIMEOUT);
            session.tick();
            assertState(SessionState.IDLE);
            Screen after = session.screen();
            assertTrue(after.timedOut());
            assertEquals(Language.EN, after.language());
            assertEquals(100, after.returnedYen());
            assertTrue(session.isWiped());
            clock.advance(TIMEOUT);
            session.tick();
            Screen next = session.screen();
            assertFalse(next.timedOut(), "nothing left for the next customer");
            assertEquals(0, next.returnedYen());
            assertNull(next.language());
        }
    }

    // --- REFUSED -------------------------------------------------------------------------------

    @Test
    void aRefusalIsAcknowledgedBackToIdle() {
        toMunicipality();
        session.municipalityNotListed();
        session.acknowledge();
        assertState(SessionState.IDLE);
        assertNull(session.screen().error());
    }

    @Test
    void anOutcomeTheCenterCannotTakeNowIsSentLater() {
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        OutcomeOutbox outbox = new OutcomeOutbox(center, Runnable::run, 10);
        outbox.submit(PrintOutcome.printed("tx-1"));
        assertEquals(1, outbox.pending());
        center.failOutcome(null);
        outbox.flush();
        assertEquals(0, outbox.pending());
        assertEquals("tx-1", center.outcomes.get(0).transactionId());
    }

    // --- cancel --------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = SessionState.class, names = {"SERVICE", "LANGUAGE", "CERTIFICATE_TYPE", "PLACE_CARD",
            "CHECKING_CARD", "PIN", "READING", "REMOVE_CARD", "MUNICIPALITY", "COPIES", "REQUESTING", "CONFIRM", "PAYMENT"})
    void cancelIsPossibleUntilPaymentAndWipes(SessionState at) {
        reach(at);
        assertState(at);
        session.cancel();
        assertState(SessionState.IDLE);
        worker.runAll();
        assertState(SessionState.IDLE);
        assertTrue(session.isWiped());
    }

    @ParameterizedTest
    @EnumSource(value = SessionState.class, names = {"IDLE", "PRINTING", "TAKE_CERTIFICATE", "REFUSED"})
    void cancelIsNotPossibleHere(SessionState at) {
        reach(at);
        assertInvalid(session::cancel);
    }

    // --- timeouts ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = SessionState.class, names = {"SERVICE", "LANGUAGE", "CERTIFICATE_TYPE", "PLACE_CARD",
            "PIN", "REMOVE_CARD", "MUNICIPALITY", "COPIES", "CONFIRM", "PAYMENT", "TAKE_CERTIFICATE", "REFUSED"})
    void inactivityReturnsToIdleAndWipes(SessionState at) {
        reach(at);
        clock.advance(TIMEOUT.minusMillis(1));
        session.tick();
        assertState(at);
        clock.advance(Duration.ofMillis(1));
        session.tick();
        assertState(SessionState.IDLE);
        assertTrue(session.isWiped());
        worker.runAll();
        assertState(SessionState.IDLE);
    }

    @Test
    void inputResetsTheInactivityTimer() {
        toPin();
        clock.advance(TIMEOUT.minusSeconds(1));
        session.pinDigit(1);
        clock.advance(TIMEOUT.minusSeconds(1));
        session.tick();
        assertState(SessionState.PIN);
        clock.advance(Duration.ofSeconds(1));
        session.tick();
        assertState(SessionState.IDLE);
    }

    @Test
    void aTimeoutDuringPaymentRefundsAndVoids() {
        toPayment();
        cash.insert(100);
        clock.advance(TIMEOUT);
        session.tick();
        assertState(SessionState.IDLE);
        assertEquals(List.of(100), cash.payouts());
        assertEquals(VoidReason.TIMEOUT, lastOutcome().reason());
        assertPdfWiped();
    }

    @Test
    void aTimeoutOnConfirmVoids() {
        toConfirm();
        clock.advance(TIMEOUT);
        session.tick();
        assertEquals(VoidReason.TIMEOUT, lastOutcome().reason());
        assertPdfWiped();
    }

    @Test
    void aCardThatDoesNotAnswerIsUnreadable() {
        toCheckingCard();
        clock.advance(TIMEOUT);
        session.tick();
        assertRefused(ErrorCode.CARD_UNREADABLE);
        worker.runAll();
        assertRefused(ErrorCode.CARD_UNREADABLE);
    }

    @Test
    void aReadThatHangsIsUnreadableAndItsLateFilesWiped() {
        toReading("1234");
        clock.advance(TIMEOUT);
        session.tick();
        assertRefused(ErrorCode.CARD_UNREADABLE);
        worker.runAll();
        assertCardFilesWiped();
    }

    @Test
    void aCenterThatDoesNotAnswerIsUnavailableAndItsLateCertificateVoided() {
        toRequesting(1);
        clock.advance(TIMEOUT);
        session.tick();
        assertRefused(ErrorCode.CENTER_UNAVAILABLE);
        worker.runAll();
        assertEquals(VoidReason.TIMEOUT, lastOutcome().reason());
        assertPdfWiped();
    }

    @Test
    void aPrinterThatDoesNotFinishRefundsAndVoids() {
        toPrinting();
        clock.advance(TIMEOUT);
        session.tick();
        assertRefused(ErrorCode.PRINTER_ERROR);
        assertEquals(VoidReason.PRINTER_FAILED, lastOutcome().reason());
        assertEquals(240, session.screen().returnedYen());
        worker.runAll();
        assertRefused(ErrorCode.PRINTER_ERROR);
    }

    @Test
    void idleNeverTimesOut() {
        clock.advance(Duration.ofDays(1));
        session.tick();
        assertState(SessionState.IDLE);
    }

    @Test
    void aFullSessionLeavesNothingBehind() {
        toTakeCertificate();
        session.done();
        assertAll(
                () -> assertTrue(session.isWiped()),
                this::assertCardFilesWiped,
                this::assertPdfWiped,
                () -> assertArrayEquals(new char[4], card.pinsSeen.get(0)),
                () -> assertNull(session.screen().summary()),
                () -> assertNull(session.screen().municipality()));
    }

    private void reach(SessionState at) {
        switch (at) {
            case IDLE -> { }
            case SERVICE -> toService();
            case LANGUAGE -> toLanguage();
            case CERTIFICATE_TYPE -> toCertificateType();
            case PLACE_CARD -> toPlaceCard(CertificateType.DOMESTIC);
            case CHECKING_CARD -> toCheckingCard();
            case PIN -> toPin();
            case READING -> toReading("1234");
            case REMOVE_CARD -> toRemoveCard();
            case MUNICIPALITY -> toMunicipality();
            case COPIES -> toCopies();
            case REQUESTING -> toRequesting(1);
            case CONFIRM -> toConfirm();
            case PAYMENT -> toPayment();
            case PRINTING -> toPrinting();
            case TAKE_CERTIFICATE -> toTakeCertificate();
            case REFUSED -> {
                toMunicipality();
                session.municipalityNotListed();
            }
        }
    }
}
