package dev.shomei.center.issue;

import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.center.board.Alert;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.AlertLog;
import dev.shomei.center.hours.MaintenanceWindow;
import dev.shomei.center.hours.ServiceCalendar;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.municipality.BackendMunicipalities;
import dev.shomei.center.municipality.MunicipalityCatalog;
import dev.shomei.center.municipality.MunicipalitySettings;
import dev.shomei.center.municipality.OpenAllDayMunicipalities;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.stats.IssuanceStats;
import dev.shomei.center.stats.Outcome;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.FakeRenderer;
import dev.shomei.center.testing.MutableClock;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.MunicipalityListResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.VoidReason;
import dev.shomei.protocol.pki.DevPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestration with the real card verifier and fakes for the backend and the renderer. */
class KioskIssuanceTest {
    @TempDir
    static Path pkiDir;
    static DevPki pki;
    static CardFactory cards;
    static CardPerson taro;

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(
            LocalDateTime.parse("2025-05-01T12:00").atZone(ServiceRules.ZONE).toInstant(), ServiceRules.ZONE);
    final List<MaintenanceWindow> maintenance = new ArrayList<>();
    TerminalRegistry registry;
    FakeBackend backend;
    FakeRenderer renderer;
    AlertLog alerts;
    IssuanceStats stats;
    ReconciliationLog reconciliations;
    KioskIssuance service;
    Reconciler reconciler;
    MunicipalityCatalog catalog;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
        cards = CardFactory.inMemory();
        taro = new CardPerson(MyNumber.generate(new Random(6)), "文京\u3000太郎", "ブンキョウ\u3000タロウ",
                "東京都文京区春日一丁目１６番２１号", LocalDate.of(1980, 2, 3), Sex.MALE);
    }

    @BeforeEach
    void setUp() {
        registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        registry.register("K0001", "");
        registry.register("K0002", "");
        registry.setEnabled("K0002", false);
        backend = new FakeBackend(pki, clock);
        backend.addResident(taro, FakeMunicipalities.BUNKYO, "文京", "太郎",
                new Passport("BUNKYO", "TARO", "JPN", "TZ1234567"));
        renderer = new FakeRenderer();
        AtomicLong versions = new AtomicLong();
        alerts = new AlertLog(clock, versions::incrementAndGet, 100);
        stats = new IssuanceStats(clock, ServiceRules.ZONE, 48);
        reconciliations = new ReconciliationLog(100);
        catalog = new MunicipalityCatalog(new BackendMunicipalities(backend, dir.resolve("municipalities.json")));
        CenterMetrics metrics = new CenterMetrics();
        service = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000), metrics);
        reconciler = new Reconciler(backend, Duration.ofMinutes(15), clock, reconciliations, alerts, stats, metrics);
    }

    private KioskIssuance newService(IssuedTransactions transactions, CenterMetrics metrics) {
        return newService(transactions, metrics, new CardUseLimits(100, Duration.ofHours(1), Duration.ofMinutes(10)));
    }

    private KioskIssuance newService(IssuedTransactions transactions, CenterMetrics metrics, CardUseLimits limits) {
        return new KioskIssuance(registry, new ServiceCalendar(clock, () -> maintenance), catalog,
                new VerifierCardVerification(cards.trustedKeys()), backend, renderer, transactions, stats, metrics, alerts,
                new CardUseGuard(limits, clock, alerts, new java.security.SecureRandom()));
    }

    private static IssueRequest request(String txid, String municipality, CertificateType type, int copies, CardFiles files) {
        return new IssueRequest(txid, municipality, type, copies, Language.JA,
                files.ef0001(), files.ef0002(), files.ef0003(), files.ef0004());
    }

    private static IssueRequest request(String txid, String municipality) {
        return request(txid, municipality, CertificateType.DOMESTIC, 1, cards.files(taro));
    }

    private static ErrorCode refused(LineMessage answer) {
        return assertInstanceOf(Refusal.class, answer, () -> "expected a refusal, got " + answer).code();
    }

    @Test
    void issuesWithTheMunicipalityFeeAndTheSummaryAndWipesTheCardFiles() {
        IssueRequest request = request("tx-1", FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 2, cards.files(taro));
        IssueResponse response = assertInstanceOf(IssueResponse.class, service.issue("K0001", request));

        assertEquals("tx-1", response.transactionId());
        assertEquals(1, response.certificateIds().size());
        assertEquals(240, response.feeYen(), "2 copies x 120 yen");
        assertEquals(2, response.pages());
        assertEquals("文京\u3000太郎", response.summary().name());
        assertEquals(LocalDate.of(1980, 2, 3), response.summary().birthDate());
        assertEquals(2, response.summary().doses().size());
        assertTrue(new String(response.pdf(), StandardCharsets.US_ASCII).contains(response.certificateIds().get(0)));
        assertArrayEquals(new byte[request.ef0001().length], request.ef0001(), "the request's card files are wiped");
        assertArrayEquals(new byte[request.ef0002().length], request.ef0002());
        assertEquals(1, stats.perMunicipality().get(0).counts().get(Outcome.ISSUED));
    }

    @Test
    void overseasCarriesTheRomanName() {
        IssueResponse response = assertInstanceOf(IssueResponse.class, service.issue("K0001",
                request("tx-o", FakeMunicipalities.BUNKYO, CertificateType.OVERSEAS, 1, cards.files(taro))));
        assertEquals("BUNKYO TARO", response.summary().nameLatin());
    }

    @Test
    void aDisabledOrUnknownTerminalIsRefusedBeforeAnythingElse() {
        assertEquals(ErrorCode.TERMINAL_DISABLED, refused(service.issue("K0002", request("tx-2", FakeMunicipalities.BUNKYO))));
        assertEquals(ErrorCode.TERMINAL_DISABLED, refused(service.issue("K9999", request("tx-3", FakeMunicipalities.BUNKYO))));
        assertEquals(ErrorCode.TERMINAL_DISABLED, refused(service.municipalityList("K0002")));
        assertEquals(0, backend.issueCalls.get());
    }

    @Test
    void outsideServiceHoursOrInMaintenanceIsRefusedWithTheWait() {
        clock.set(LocalDateTime.parse("2025-05-01T05:00").atZone(ServiceRules.ZONE).toInstant());
        Refusal early = assertInstanceOf(Refusal.class, service.issue("K0001", request("tx-4", FakeMunicipalities.BUNKYO)));
        assertEquals(ErrorCode.OUTSIDE_SERVICE_HOURS, early.code());
        assertEquals(90 * 60, early.detail().getAsInt(), "opens at 06:30, 90 minutes later");

        clock.set(LocalDateTime.parse("2025-05-01T23:00").atZone(ServiceRules.ZONE).toInstant());
        assertEquals(ErrorCode.OUTSIDE_SERVICE_HOURS, refused(service.issue("K0001", request("tx-5", FakeMunicipalities.BUNKYO))));

        clock.set(LocalDateTime.parse("2025-05-01T12:00").atZone(ServiceRules.ZONE).toInstant());
        maintenance.add(new MaintenanceWindow(LocalDateTime.parse("2025-05-01T11:00"),
                LocalDateTime.parse("2025-05-01T13:00"), FakeMunicipalities.BUNKYO, "VRS"));
        assertEquals(ErrorCode.OUTSIDE_SERVICE_HOURS, refused(service.issue("K0001", request("tx-6", FakeMunicipalities.BUNKYO))));
        assertEquals(0, backend.issueCalls.get());
    }

    @Test
    void theDemoOpenAllDayIssuesAtNightButKeepsMaintenanceParticipationAndTheStoredHours() {
        catalog = new MunicipalityCatalog(new OpenAllDayMunicipalities(
                new BackendMunicipalities(backend, dir.resolve("municipalities.json"))));
        service = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000), new CenterMetrics());

        clock.set(LocalDateTime.parse("2025-05-01T03:00").atZone(ServiceRules.ZONE).toInstant());
        assertInstanceOf(IssueResponse.class, service.issue("K0001", request("tx-n", FakeMunicipalities.BUNKYO)));
        MunicipalityInfo bunkyo = catalog.find(FakeMunicipalities.BUNKYO).orElseThrow().toLineInfo();
        assertEquals(bunkyo.opensAt(), bunkyo.closesAt(), "the kiosk is sent open all day too");

        clock.set(LocalDateTime.parse("2025-05-01T12:00").atZone(ServiceRules.ZONE).toInstant());
        maintenance.add(new MaintenanceWindow(LocalDateTime.parse("2025-05-01T11:00"),
                LocalDateTime.parse("2025-05-01T13:00"), FakeMunicipalities.BUNKYO, "VRS"));
        assertEquals(ErrorCode.OUTSIDE_SERVICE_HOURS, refused(service.issue("K0001", request("tx-m", FakeMunicipalities.BUNKYO))),
                "a maintenance window still closes it");
        assertFalse(catalog.find(FakeMunicipalities.NOT_PARTICIPATING).orElseThrow().participating(),
                "participation stays as the backend has it");

        catalog.update(catalog.find(FakeMunicipalities.BUNKYO).orElseThrow()
                .withTerms(true, true, 150, LocalTime.of(7, 0), LocalTime.of(22, 0)));
        assertEquals(LocalTime.of(7, 0), new BackendMunicipalities(backend, dir.resolve("municipalities.json")).load().stream()
                .filter(m -> m.code().equals(FakeMunicipalities.BUNKYO)).findFirst().orElseThrow().opensAt(),
                "the hours a console saves are stored as set");
        MunicipalitySettings served = catalog.find(FakeMunicipalities.BUNKYO).orElseThrow();
        assertEquals(150, served.feePerCopyYen());
        assertEquals(served.opensAt(), served.closesAt(), "and do not apply while the demo is open all day");
    }

    @Test
    void aTamperedCardNeverReachesTheBackend() {
        CardFiles files = cards.files(taro);
        byte[] ef0002 = files.ef0002();
        ef0002[ef0002.length - 3] ^= 0x01; // one bit of the address
        assertEquals(ErrorCode.CARD_DATA_INVALID, refused(service.issue("K0001",
                request("tx-7", FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, files))));

        CardFiles swapped = cards.files(taro);
        CardFiles other = cards.files(CardPerson.sample(new Random(7)));
        assertEquals(ErrorCode.CARD_DATA_INVALID, refused(service.issue("K0001", new IssueRequest("tx-8",
                FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, Language.JA,
                other.ef0001(), swapped.ef0002(), swapped.ef0003(), swapped.ef0004()))), "another card's My Number");

        CardFiles foreign = CardFactory.inMemory().files(taro);
        assertEquals(ErrorCode.CARD_DATA_INVALID, refused(service.issue("K0001",
                request("tx-9", FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, foreign))), "untrusted issuer");

        assertEquals(0, backend.issueCalls.get(), "the backend was never asked");
        assertEquals(0, renderer.calls.get());
    }

    @Test
    void theCardIsCheckedBeforeTheMunicipality() {
        CardFiles files = cards.files(taro);
        files.ef0001()[0] ^= 0x01;
        assertEquals(ErrorCode.CARD_DATA_INVALID, refused(service.issue("K0001",
                request("tx-10", FakeMunicipalities.NOT_PARTICIPATING, CertificateType.DOMESTIC, 1, files))));
    }

    @Test
    void aMunicipalityThatDoesNotTakePartIsRefusedWithoutAskingTheBackend() {
        assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING,
                refused(service.issue("K0001", request("tx-11", FakeMunicipalities.NOT_PARTICIPATING))));
        assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, refused(service.issue("K0001", request("tx-12", "999999"))));
        assertEquals(ErrorCode.INVALID_REQUEST, refused(service.issue("K0001",
                request("tx-13", FakeMunicipalities.CHIYODA, CertificateType.OVERSEAS, 1, cards.files(taro)))),
                "Chiyoda offers no overseas certificate at kiosks");
        assertEquals(0, backend.issueCalls.get());
    }

    @Test
    void backendRefusalsKeepTheirCodes() {
        CardPerson stranger = CardPerson.sample(new Random(8));
        assertEquals(ErrorCode.NO_RECORD, refused(service.issue("K0001", request("tx-14", FakeMunicipalities.BUNKYO,
                CertificateType.DOMESTIC, 1, cards.files(stranger)))));
        assertEquals(ErrorCode.NO_RECORD, refused(service.issue("K0001", request("tx-15", FakeMunicipalities.CHIYODA))),
                "a resident of Bunkyo is nobody in Chiyoda");
        backend.addResident(stranger, FakeMunicipalities.BUNKYO, "番号", "花子", null);
        assertEquals(ErrorCode.PASSPORT_INFO_MISSING, refused(service.issue("K0001", request("tx-16",
                FakeMunicipalities.BUNKYO, CertificateType.OVERSEAS, 1, cards.files(stranger)))));
    }

    @Test
    void aDownBackendIsBackendUnavailableAndRaisesAnAlertUntilItIsBack() {
        service.municipalityList("K0001"); // the list is cached before the outage
        backend.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, refused(service.issue("K0001", request("tx-17", FakeMunicipalities.BUNKYO))));
        assertTrue(alerts.all().stream().anyMatch(a -> a.kind() == AlertKind.BACKEND_UNAVAILABLE && a.isOpen()));
        assertInstanceOf(MunicipalityListResponse.class, service.municipalityList("K0001"),
                "kiosks keep their municipality list while the backend is down");

        backend.failure.set(null);
        assertInstanceOf(IssueResponse.class, service.issue("K0001", request("tx-17", FakeMunicipalities.BUNKYO)));
        assertEquals(0, alerts.openCount());
    }

    @Test
    void aRepeatedTransactionIdYieldsOneIssuance() {
        IssueResponse first = assertInstanceOf(IssueResponse.class, service.issue("K0001", request("tx-18", FakeMunicipalities.BUNKYO)));
        IssueResponse again = assertInstanceOf(IssueResponse.class, service.issue("K0001", request("tx-18", FakeMunicipalities.BUNKYO)));
        assertEquals(first.certificateIds(), again.certificateIds());
        assertEquals(2, backend.issueCalls.get(), "the retry reached the backend with the same transaction id");
        assertEquals(1, backend.issuanceCount(), "and made no second issuance");
        assertEquals(List.of("tx-18"), backend.issuedTransactionIds);
    }

    @Test
    void aRetryAfterPrintingIsNotPrintedAgain() {
        service.issue("K0001", request("tx-19", FakeMunicipalities.BUNKYO));
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.printed("tx-19")));
        assertEquals(ErrorCode.INVALID_REQUEST, refused(service.issue("K0001", request("tx-19", FakeMunicipalities.BUNKYO))));
        assertEquals(1, renderer.calls.get());
    }

    @Test
    void aTransactionIdOfAnotherPersonIsNeverAnswered() {
        service.issue("K0001", request("tx-20", FakeMunicipalities.BUNKYO));
        CardPerson other = new CardPerson(MyNumber.generate(new Random(9)), "別人\u3000次郎", "", "東京都", LocalDate.of(1990, 1, 1),
                Sex.MALE);
        backend.addResident(other, FakeMunicipalities.BUNKYO, "別人", "次郎", null);
        assertEquals(ErrorCode.INVALID_REQUEST, refused(service.issue("K0001", request("tx-20", FakeMunicipalities.BUNKYO,
                CertificateType.DOMESTIC, 1, cards.files(other)))), "the backend's answer is for someone else");
    }

    @Test
    void printOutcomesMarkTheIssuance() {
        service.issue("K0001", request("tx-21", FakeMunicipalities.BUNKYO));
        service.issue("K0001", request("tx-22", FakeMunicipalities.BUNKYO));
        Ack printed = assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.printed("tx-21")));
        assertEquals("tx-21", printed.transactionId());
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.voided("tx-22", VoidReason.CANCELLED)));
        assertEquals("PRINTED", backend.status("tx-21"));
        assertEquals("VOIDED", backend.status("tx-22"));
        assertEquals("CANCELLED", backend.statusUpdates.get(1).reason());
        assertNull(backend.statusUpdates.get(0).reason());
        assertEquals(ErrorCode.INVALID_REQUEST, refused(service.outcome("K0001", PrintOutcome.printed("tx-unknown"))));
    }

    @Test
    void theKioskIsToldTheFeeTheBackendRecordedEvenWhenTheCatalogIsOlder() {
        assertEquals(120, catalog.find(FakeMunicipalities.BUNKYO).orElseThrow().feePerCopyYen(), "catalog loaded");
        var bunkyo = backend.municipalities.stream().filter(m -> m.code().equals(FakeMunicipalities.BUNKYO)).findFirst()
                .orElseThrow();
        backend.municipalities.replaceAll(m -> m != bunkyo ? m : new MunicipalityList.Entry(m.code(), m.nameJa(),
                m.nameEn(), m.mayorTitleJa(), m.mayorTitleEn(), true, m.offersOverseas(), 200, m.opensAt(), m.closesAt()));
        IssueResponse issued = assertInstanceOf(IssueResponse.class, service.issue("K0001",
                request("tx-fee", FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 2, cards.files(taro))));
        assertEquals(400, issued.feeYen(), "the municipality's new fee as recorded with the issuance, not the catalog's 240");
    }

    @Test
    void aPrintedOutcomeChargingAnotherAmountIsRefusedAndAlerted() {
        service.issue("K0001", request("tx-26", FakeMunicipalities.BUNKYO));
        assertEquals(ErrorCode.FEE_MISMATCH, refused(service.outcome("K0001", PrintOutcome.printed("tx-26", 100))));
        assertEquals("ISSUED", backend.status("tx-26"), "nothing changed");
        assertEquals(List.of(AlertKind.FEE_MISMATCH), openAlertKinds());

        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.printed("tx-26", 120)));
        assertEquals("PRINTED", backend.status("tx-26"));
        assertEquals(120, backend.statusUpdates.getLast().chargedYen(), "the backend is told the amount");
    }

    @Test
    void aVoidThatKeptMoneyIsRecordedAndAlerted() {
        service.issue("K0001", request("tx-27", FakeMunicipalities.BUNKYO));
        service.issue("K0001", request("tx-28", FakeMunicipalities.BUNKYO));
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.voided("tx-27", VoidReason.PRINTER_FAILED, 0)));
        assertEquals(List.of(), openAlertKinds(), "a void that paid everything back is routine");
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.voided("tx-28", VoidReason.PRINTER_FAILED, 120)));
        assertEquals("VOIDED", backend.status("tx-28"), "a void is never refused");
        assertEquals(120, backend.statusUpdates.getLast().chargedYen());
        assertEquals(List.of(AlertKind.FEE_MISMATCH), openAlertKinds(), "someone must refund the resident");
    }

    private List<AlertKind> openAlertKinds() {
        return alerts.all().stream().filter(Alert::isOpen).map(Alert::kind).toList();
    }

    @Test
    void anOutcomeFromAnotherTerminalIsRefusedAndTheRealOneStillCounts() {
        registry.register("K0003", "");
        service.issue("K0001", request("tx-25", FakeMunicipalities.BUNKYO));
        assertEquals(ErrorCode.INVALID_REQUEST, refused(service.outcome("K0003", PrintOutcome.voided("tx-25", VoidReason.CANCELLED))));
        assertEquals("ISSUED", backend.status("tx-25"));
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.printed("tx-25")));
        assertEquals("PRINTED", backend.status("tx-25"));
        assertEquals("K0001", backend.statusUpdates.getLast().terminalId(), "the backend is told who reported");
    }

    @Test
    void anOutcomeReachingAnotherCenterFindsItsMunicipalityAtTheBackend() {
        service.issue("K0001", request("tx-23", FakeMunicipalities.BUNKYO));
        KioskIssuance otherCenter = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000),
                new CenterMetrics());
        assertInstanceOf(Ack.class, otherCenter.outcome("K0001", PrintOutcome.printed("tx-23")));
        assertEquals("PRINTED", backend.status("tx-23"));
    }

    @Test
    void aRenderingFailureVoidsTheIssuance() {
        renderer.broken.set(true);
        assertEquals(ErrorCode.INTERNAL, refused(service.issue("K0001", request("tx-24", FakeMunicipalities.BUNKYO))));
        assertEquals("VOIDED", backend.status("tx-24"));
    }

    @Test
    void reconciliationVoidsIssuancesWithoutOutcomeAndShowsThem() {
        service.issue("K0001", request("tx-25", FakeMunicipalities.BUNKYO));
        service.issue("K0001", request("tx-26", FakeMunicipalities.BUNKYO));
        service.outcome("K0001", PrintOutcome.printed("tx-26"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, reconciler.reconcile(), "not old enough yet");

        clock.advance(Duration.ofMinutes(6));
        assertEquals(1, reconciler.reconcile());
        assertEquals("VOIDED", backend.status("tx-25"));
        assertEquals("PRINTED", backend.status("tx-26"));
        assertEquals("tx-25", reconciliations.recent().get(0).transactionId());
        assertEquals("K0001", reconciliations.recent().get(0).terminalId());
        assertTrue(alerts.all().stream().anyMatch(a -> a.kind() == AlertKind.ISSUANCE_RECONCILED && a.subject().equals("tx-25")));
        assertEquals(0, reconciler.reconcile(), "nothing left to void");
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.printed("tx-25")),
                "the reconciliation void was a presumption: a late PRINTED wins, as at the real backend");
        assertEquals("PRINTED", backend.status("tx-25"));
    }

    @Test
    void aLatePrintedReportForAVoidedIssuanceUnknownToThisCenterIsForwarded() {
        service.issue("K0001", request("tx-27", FakeMunicipalities.BUNKYO));
        clock.advance(Duration.ofMinutes(16));
        assertEquals(1, reconciler.reconcile());
        assertEquals("VOIDED", backend.status("tx-27"));

        // another center, or this one restarted: nothing in memory, and tx-27 is no longer ISSUED
        KioskIssuance restarted = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000),
                new CenterMetrics());
        assertTrue(backend.unconfirmed(Duration.ZERO).issuances().isEmpty());
        assertInstanceOf(Ack.class, restarted.outcome("K0001", PrintOutcome.printed("tx-27")));
        assertEquals("PRINTED", backend.status("tx-27"));
        assertEquals(1, backend.byTransactionCalls.get());
        assertEquals(ErrorCode.INVALID_REQUEST, refused(restarted.outcome("K0001", PrintOutcome.printed("tx-never"))),
                "a transaction the backend does not know is still refused");
    }

    @Test
    void aTransactionIdTheBackendHoldsInTwoMunicipalitiesIsRefusedNotGuessed() {
        service.issue("K0001", request("tx-29", FakeMunicipalities.BUNKYO));
        backend.alsoKnownElsewhere.add(new TransactionIssuances.Entry(FakeMunicipalities.CHIYODA, "tx-29", IssuanceStatus.ISSUED));
        KioskIssuance otherCenter = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000),
                new CenterMetrics());
        int updatesBefore = backend.statusUpdates.size();
        assertEquals(ErrorCode.INVALID_REQUEST, refused(otherCenter.outcome("K0001", PrintOutcome.printed("tx-29"))));
        assertEquals(updatesBefore, backend.statusUpdates.size(), "no municipality was guessed");
        assertEquals("ISSUED", backend.status("tx-29"));
    }

    @Test
    void aCancelledIssuanceIsNotRevivedByALatePrintedThroughAnotherCenter() {
        service.issue("K0001", request("tx-28", FakeMunicipalities.BUNKYO));
        assertInstanceOf(Ack.class, service.outcome("K0001", PrintOutcome.voided("tx-28", VoidReason.CANCELLED)));
        KioskIssuance otherCenter = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000),
                new CenterMetrics());
        assertEquals(ErrorCode.INVALID_REQUEST, refused(otherCenter.outcome("K0001", PrintOutcome.printed("tx-28"))));
        assertEquals("VOIDED", backend.status("tx-28"));
    }

    @Test
    void kiosksSeeOnlyParticipatingMunicipalities() {
        MunicipalityListResponse list = assertInstanceOf(MunicipalityListResponse.class, service.municipalityList("K0001"));
        assertEquals(List.of(FakeMunicipalities.CHIYODA, FakeMunicipalities.BUNKYO),
                list.municipalities().stream().map(MunicipalityInfo::code).toList());
        assertFalse(list.municipalities().stream().anyMatch(m -> m.code().equals(FakeMunicipalities.NOT_PARTICIPATING)));
        assertEquals(120, list.municipalities().get(1).feePerCopyYen());
    }

    @Test
    void oneCardPastItsLimitIsRefusedBeforeTheBackendAndRetriesAreCountedOnce() {
        registry.setEnabled("K0002", true);
        KioskIssuance limited = newService(new IssuedTransactions(clock, Duration.ofHours(1), 1000), new CenterMetrics(),
                new CardUseLimits(2, Duration.ofHours(1), Duration.ofMinutes(10)));
        assertInstanceOf(IssueResponse.class, limited.issue("K0001", request("tx-a", FakeMunicipalities.BUNKYO)));
        assertInstanceOf(IssueResponse.class, limited.issue("K0001", request("tx-a", FakeMunicipalities.BUNKYO)),
                "a retry of the same transaction is not a second use");
        assertInstanceOf(IssueResponse.class, limited.issue("K0001", request("tx-b", FakeMunicipalities.BUNKYO)));
        int backendCalls = backend.issueCalls.get();

        assertEquals(ErrorCode.CARD_USE_LIMITED, refused(limited.issue("K0001", request("tx-c", FakeMunicipalities.BUNKYO))));
        assertEquals(backendCalls, backend.issueCalls.get(), "refused before the backend");
        CardPerson other = CardPerson.sample(new Random(11));
        backend.addResident(other, FakeMunicipalities.BUNKYO, "文京", "花子", null);
        assertInstanceOf(IssueResponse.class, limited.issue("K0001",
                request("tx-d", FakeMunicipalities.BUNKYO, CertificateType.DOMESTIC, 1, cards.files(other))),
                "another card has its own count");

        clock.advance(Duration.ofMinutes(61));
        assertInstanceOf(IssueResponse.class, limited.issue("K0001", request("tx-e", FakeMunicipalities.BUNKYO)),
                "the window has passed");
        assertTrue(alerts.all().stream().noneMatch(a -> a.kind() == AlertKind.CARD_MULTI_TERMINAL),
                "one terminal only: no alert");
    }

    @Test
    void oneCardAtTwoTerminalsWithinMinutesAlertsTheOperatorWithoutTheNumber() {
        registry.setEnabled("K0002", true);
        assertInstanceOf(IssueResponse.class, service.issue("K0001", request("tx-m1", FakeMunicipalities.BUNKYO)));
        clock.advance(Duration.ofMinutes(3));
        assertInstanceOf(IssueResponse.class, service.issue("K0002", request("tx-m2", FakeMunicipalities.BUNKYO)));

        List<dev.shomei.center.board.Alert> raised = alerts.all().stream()
                .filter(a -> a.kind() == AlertKind.CARD_MULTI_TERMINAL).toList();
        assertEquals(1, raised.size());
        assertEquals("K0002", raised.get(0).terminalId());
        assertTrue(raised.get(0).subject().matches("card [0-9a-f]{8} also at K0001"), raised.get(0).subject());
        assertFalse(raised.get(0).subject().contains(taro.myNumber().reveal().substring(0, 8)));
    }
}
