package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.location;
import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window and postal issuance over HTTPS (issue 21): a clerk issues after the identity check, prints the
 * PDF whose QR codes verify, and reports it handed out; an overseas certificate registers the passport
 * data on the way; a certificate not handed out, or left open past the confirmation timeout, ends VOIDED
 * and revoked; a reissue after loss voids and revokes the lost one and links the new one to it. Audited
 * with codes only; a STATISTICS user, an administrator and another municipality's clerk get nothing.
 */
class CounterIssuanceIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleHttp http;
    final MyNumber plainNumber = TestData.myNumber("36363636363");
    Resident plain;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ConsoleFixture(dir.resolve("store"), pki, databaseUrl());
        http = new ConsoleHttp(pki, fixture.origin());
        // a resident of A with doses but without passport data
        plain = TestData.plain(ConsoleFixture.A, "A-000555", LocalDate.of(1975, 5, 5));
        fixture.store.database().write(tx -> {
            var tenant = fixture.store.keyring().cipher(tx, ConsoleFixture.A);
            new ResidentRepository().insert(tx, tenant, plain, plainNumber);
            new VaccinationRepository().insertAll(tx, tenant, plain.id(), TestData.doses(2));
            return null;
        });
    }

    /** The engine under test: SQLite here, PostgreSQL in the subclass. */
    protected String databaseUrl() {
        return dev.shomei.record.db.Database.defaultUrl(dir.resolve("store"));
    }

    @AfterEach
    void stop() {
        try {
            for (byte[] body : http.bodies) {
                String page = new String(body, StandardCharsets.UTF_8);
                for (MyNumber number : List.of(fixture.myNumberA, fixture.myNumberB, plainNumber)) {
                    assertFalse(page.contains(number.digits()), "a page showed a My Number");
                }
            }
            assertTrue(fixture.store.auditVerifier().verify().intact(), "the audit chains verify");
        } finally {
            fixture.close();
        }
    }

    private void login(String user) throws Exception {
        http.cookies.clear();
        assertEquals(303, http.login(user, ConsoleFixture.PASSWORD, fixture.code(user)).statusCode());
    }

    private String page(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        return text(response);
    }

    private static Map<String, String> order(String type, String channel, String copies, String identity) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("type", type);
        form.put("channel", channel);
        form.put("copies", copies);
        form.put("identity", identity);
        return form;
    }

    private Issuance issuance(String certificateId) {
        return fixture.store.database().read(tx -> new IssuanceRepository()
                .findByCertificateId(tx, ConsoleFixture.A, certificateId)).orElseThrow();
    }

    private List<String> details(String action) {
        return fixture.store.database().read(tx -> tx.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY seq",
                row -> row.getString(1), action));
    }

    /** Issues through the form; returns the new certificate id. */
    private String issue(String residentId, Map<String, String> form) throws Exception {
        page("/residents/" + residentId + "/issue");
        HttpResponse<byte[]> issued = http.post("/residents/" + residentId + "/issue", form);
        assertEquals(303, issued.statusCode(), text(issued));
        assertTrue(location(issued).matches("/counter/[0-9A-Z]{12}"), location(issued));
        return location(issued).substring("/counter/".length());
    }

    private byte[] pdf(String certificateId) throws Exception {
        HttpResponse<byte[]> pdf = http.get("/counter/" + certificateId + "/certificate.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("inline"), "shown to print, not saved");
        assertEquals("no-store", pdf.headers().firstValue("Cache-Control").orElse(""));
        return pdf.body();
    }

    @Test
    void nothingIsIssuedAtTheWindowWhileTheMunicipalityIsStoppedForAMove() throws Exception {
        login("clerk-a");
        page("/residents/" + fixture.residentA.id() + "/issue");
        long before = fixture.store.database().read(tx -> tx.queryLong("SELECT COUNT(*) FROM issuance"));
        for (MunicipalityMoveRepository.Step step : List.of(MunicipalityMoveRepository.Step.STOPPED,
                MunicipalityMoveRepository.Step.COPYING)) {
            fixture.store.database().write(tx -> {
                new MunicipalityMoveRepository().put(tx, ConsoleFixture.A, MunicipalityMoveRepository.Role.OUTGOING, step,
                        "jdbc:postgresql://elsewhere/records");
                return null;
            });
            HttpResponse<byte[]> refused = http.post("/residents/" + fixture.residentA.id() + "/issue",
                    order("DOMESTIC", "WINDOW", "1", "MY_NUMBER_CARD"));
            assertEquals(503, refused.statusCode(), step.name());
            assertTrue(text(refused).contains("別の記録サーバーへ移行中"), text(refused));
            assertEquals(List.of(), details("COUNTER_ISSUE"), step.name());
            long issuances = fixture.store.database().read(tx -> tx.queryLong("SELECT COUNT(*) FROM issuance"));
            assertEquals(before, issuances, step.name());
        }
        fixture.store.database().write(tx -> { // the move aborted: the window issues again
            new MunicipalityMoveRepository().delete(tx, ConsoleFixture.A);
            return null;
        });
        issue(fixture.residentA.id(), order("DOMESTIC", "WINDOW", "1", "MY_NUMBER_CARD"));
    }

    @Test
    void aClerkIssuesAtTheWindowPrintsAVerifyingPdfAndReportsItHandedOut() throws Exception {
        login("clerk-a");
        String residentPage = page("/residents/" + fixture.residentA.id());
        assertTrue(residentPage.contains("href=\"/residents/" + fixture.residentA.id() + "/issue\""));
        // without the identity check the form is refused and nothing is issued
        HttpResponse<byte[]> refused = http.post("/residents/" + fixture.residentA.id() + "/issue",
                order("DOMESTIC", "WINDOW", "2", ""));
        assertEquals(400, refused.statusCode());
        assertTrue(text(refused).contains("本人確認の方法を選んでください"));
        assertEquals(List.of(), details("COUNTER_ISSUE"));

        String certificate = issue(fixture.residentA.id(), order("DOMESTIC", "WINDOW", "2", "MY_NUMBER_CARD"));
        Issuance issued = issuance(certificate);
        assertEquals(Channel.WINDOW, issued.channel());
        assertEquals(IssuanceStatus.ISSUED, issued.status());
        assertEquals(CertificateType.DOMESTIC, issued.type());
        assertEquals(2, issued.copies());
        assertEquals(240, issued.feeTotalYen());
        assertTrue(issued.transactionId().startsWith("W-"), issued.transactionId());
        String detail = details("COUNTER_ISSUE").getFirst();
        assertTrue(detail.startsWith("channel=WINDOW type=DOMESTIC copies=2 identity=MY_NUMBER_CARD transaction=W-"), detail);
        for (String personal : List.of(TestData.FAMILY_KANJI, TestData.BIRTH.toString(), fixture.myNumberA.digits())) {
            assertFalse(detail.contains(personal), "codes only in the audit");
        }
        String handOver = page("/counter/" + certificate);
        assertTrue(handOver.contains("本人確認: マイナンバーカード"), handOver);
        assertTrue(handOver.contains("交付した職員: clerk-a"));

        byte[] pdf = pdf(certificate);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages(), "two copies of a one-page certificate");
        }
        List<Verdict> verdicts = PrintedCertificates.verify(fixture, pdf, dir.resolve("lists"));
        assertEquals(2, verdicts.size(), "one SMART Health Card per copy");
        for (Verdict verdict : verdicts) {
            assertTrue(verdict.valid(), verdict.toString());
            assertFalse(verdict.revoked(), verdict.toString());
        }
        assertEquals(1, details("PRINT_CERTIFICATE").size());

        assertEquals(303, http.post("/counter/" + certificate + "/handed-out", Map.of()).statusCode());
        assertEquals(IssuanceStatus.PRINTED, issuance(certificate).status());
        List<String> marks = fixture.store.database().read(tx -> tx.query(
                "SELECT actor_type || ' ' || actor_id || ' ' || detail FROM audit_log WHERE action = 'MARK_PRINTED' AND target_id = ?",
                row -> row.getString(1), certificate));
        assertEquals(List.of("CLERK clerk-a from=ISSUED"), marks);
        assertTrue(page("/counter/" + certificate).contains("この証明書は交付済みです"));
        assertEquals(409, http.get("/counter/" + certificate + "/certificate.pdf").statusCode(), "printed once only");
        assertEquals(400, http.post("/counter/" + certificate + "/void", Map.of("reason", "MISPRINT")).statusCode());
        assertEquals(IssuanceStatus.PRINTED, issuance(certificate).status());
    }

    @Test
    void anOverseasCertificateByPostRegistersThePassportAndOneNotSentIsVoidedAndRevoked() throws Exception {
        login("clerk-a");
        Map<String, String> form = order("OVERSEAS", "POSTAL", "1", "ID_COPY_BY_POST");
        page("/residents/" + plain.id() + "/issue");
        HttpResponse<byte[]> noPassport = http.post("/residents/" + plain.id() + "/issue", form);
        assertEquals(400, noPassport.statusCode());
        assertTrue(text(noPassport).contains("海外用には旅券情報が必要です"));
        form.putAll(Map.of("passport", "tz1234567", "family", "yamada", "given", "hanako", "nationality", "jpn"));
        String certificate = issue(plain.id(), form);
        Resident registered = fixture.store.database().read(tx -> new ResidentRepository()
                .findById(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.A), plain.id())).orElseThrow();
        assertEquals("TZ1234567", registered.passportNumber());
        assertEquals("YAMADA", registered.nameRoman().family());
        assertFalse(details("REGISTER_PASSPORT").getFirst().contains("TZ1234567"), "the passport number stays sealed");
        Issuance issued = issuance(certificate);
        assertEquals(Channel.POSTAL, issued.channel());
        assertEquals(CertificateType.OVERSEAS, issued.type());

        List<Verdict> verdicts = PrintedCertificates.verify(fixture, pdf(certificate), dir.resolve("before"));
        assertEquals(2, verdicts.size(), "the VDS-NC seal and the SMART Health Card");
        assertTrue(verdicts.stream().allMatch(verdict -> verdict.valid() && !verdict.revoked()), verdicts.toString());
        byte[] printed = pdf(certificate);

        HttpResponse<byte[]> voided = http.post("/counter/" + certificate + "/void", Map.of("reason", "NOT_HANDED_OUT"));
        assertEquals(303, voided.statusCode(), text(voided));
        assertEquals(IssuanceStatus.VOIDED, issuance(certificate).status());
        assertEquals("NOT_HANDED_OUT", issuance(certificate).voidReason());
        List<Verdict> after = PrintedCertificates.verify(fixture, printed, dir.resolve("after"));
        assertTrue(after.stream().allMatch(Verdict::revoked), "both codes revoked: " + after);
        assertEquals(409, http.get("/counter/" + certificate + "/certificate.pdf").statusCode());
    }

    @Test
    void aWindowIssuanceLeftOpenIsVoidedByTheConfirmationTimeout() throws Exception {
        login("supervisor-a");
        String certificate = issue(fixture.residentA.id(), order("DOMESTIC", "WINDOW", "1", "DRIVER_LICENCE"));
        IssuanceOutcomes outcomes = new IssuanceOutcomes(fixture.store.database(), fixture.store.audit(), fixture.clock);
        outcomes.voidUnconfirmed(Duration.ofMinutes(30)); // the fixture's day-old open window issuance goes
        assertEquals(IssuanceStatus.ISSUED, issuance(certificate).status(), "not yet");
        fixture.clock.advance(Duration.ofMinutes(31));
        outcomes.voidUnconfirmed(Duration.ofMinutes(30));
        assertEquals(IssuanceStatus.VOIDED, issuance(certificate).status());
        assertEquals(IssuanceOutcomes.TIMEOUT_REASON, issuance(certificate).voidReason());
        http.cookies.clear();
        login("supervisor-a");
        assertTrue(page("/counter/" + certificate).contains("この証明書は無効です"));
        assertEquals(409, http.get("/counter/" + certificate + "/certificate.pdf").statusCode());
        assertEquals(400, http.post("/counter/" + certificate + "/handed-out", Map.of()).statusCode());
    }

    @Test
    void aReissueAfterLossVoidsAndRevokesTheLostOneAndLinksTheNewOne() throws Exception {
        login("clerk-a");
        String lost = issue(fixture.residentA.id(), order("OVERSEAS", "WINDOW", "1", "PASSPORT"));
        byte[] lostPdf = pdf(lost);
        // an open issuance is not reissued: it is handed out first
        assertEquals(400, http.post("/issuances/" + lost + "/reissue", order("OVERSEAS", "WINDOW", "1", "PASSPORT"))
                .statusCode());
        assertEquals(303, http.post("/counter/" + lost + "/handed-out", Map.of()).statusCode());
        assertTrue(page("/residents/" + fixture.residentA.id()).contains("href=\"/issuances/" + lost + "/reissue\""));

        String reissuePage = page("/issuances/" + lost + "/reissue");
        assertTrue(reissuePage.contains("紛失した証明書 " + lost + " を「紛失」として無効にし"));
        assertEquals(400, http.post("/issuances/" + lost + "/reissue", order("DOMESTIC", "WINDOW", "1", "PASSPORT"))
                .statusCode(), "a reissue keeps the kind");
        HttpResponse<byte[]> reissued = http.post("/issuances/" + lost + "/reissue", order("OVERSEAS", "WINDOW", "1", "PASSPORT"));
        assertEquals(303, reissued.statusCode(), text(reissued));
        String replacement = location(reissued).substring("/counter/".length());
        assertFalse(replacement.equals(lost));

        Issuance old = issuance(lost);
        assertEquals(IssuanceStatus.VOIDED, old.status());
        assertEquals("LOST", old.voidReason());
        assertEquals(IssuanceStatus.ISSUED, issuance(replacement).status());
        String replaces = fixture.store.database().read(tx -> tx.queryOne(
                "SELECT replaces_issuance_id FROM counter_issuance WHERE municipality_code = ? AND issuance_id = ?",
                row -> row.getString(1), ConsoleFixture.A.value(), issuance(replacement).id())).orElseThrow();
        assertEquals(old.id(), replaces);
        assertTrue(details("VOID_ISSUANCE").getFirst().endsWith("reason=LOST resident=" + fixture.residentA.id()
                + " replacedBy=" + replacement));
        assertTrue(details("COUNTER_REISSUE").getFirst().endsWith(" replaces=" + lost));
        assertTrue(page("/counter/" + replacement).contains("紛失した証明書 " + lost + " の再交付です"));

        List<Verdict> lostNow = PrintedCertificates.verify(fixture, lostPdf, dir.resolve("lost"));
        assertEquals(2, lostNow.size());
        assertTrue(lostNow.stream().allMatch(Verdict::revoked), "the lost certificate's codes are revoked: " + lostNow);
        List<Verdict> fresh = PrintedCertificates.verify(fixture, pdf(replacement), dir.resolve("new"));
        assertTrue(fresh.stream().allMatch(verdict -> verdict.valid() && !verdict.revoked()), fresh.toString());

        // the lost one cannot be reissued twice
        assertEquals(400, http.post("/issuances/" + lost + "/reissue", order("OVERSEAS", "WINDOW", "1", "PASSPORT"))
                .statusCode());
        assertEquals(1, details("COUNTER_REISSUE").size());
    }

    @Test
    void statisticsUsersAdministratorsAndOtherMunicipalitiesGetNothing() throws Exception {
        login("clerk-a");
        String certificate = issue(fixture.residentA.id(), order("DOMESTIC", "WINDOW", "1", "MY_NUMBER_CARD"));
        // a POST without the session's CSRF token is refused
        assertEquals(403, http.post("/counter/" + certificate + "/handed-out", Map.of("_csrf", "forged")).statusCode());
        assertEquals(403, http.post("/residents/" + plain.id() + "/issue", Map.of("_csrf", "forged", "type", "DOMESTIC",
                "channel", "WINDOW", "copies", "1", "identity", "MY_NUMBER_CARD")).statusCode());
        String a = fixture.residentA.id();
        for (String user : List.of("stats", "admin-a", "clerk-b")) {
            login(user);
            int expected = user.equals("clerk-b") ? 404 : 403;
            for (String path : List.of("/residents/" + a + "/issue", "/counter/" + certificate,
                    "/counter/" + certificate + "/certificate.pdf", "/issuances/" + fixture.certificateA + "/reissue")) {
                assertEquals(expected, http.get(path).statusCode(), user + " " + path);
            }
            http.get(user.equals("stats") ? "/statistics" : user.equals("admin-a") ? "/users" : "/issuances");
            assertEquals(expected, http.post("/residents/" + a + "/issue", order("DOMESTIC", "WINDOW", "1", "MY_NUMBER_CARD"))
                    .statusCode(), user);
            assertEquals(expected, http.post("/counter/" + certificate + "/handed-out", Map.of()).statusCode(), user);
            assertEquals(expected, http.post("/issuances/" + fixture.certificateA + "/reissue",
                    order("DOMESTIC", "WINDOW", "1", "MY_NUMBER_CARD")).statusCode(), user);
        }
        assertEquals(IssuanceStatus.ISSUED, issuance(certificate).status());
        assertEquals(IssuanceStatus.PRINTED, issuance(fixture.certificateA).status());
        assertEquals(1, details("COUNTER_ISSUE").size());
        // B's clerk issues for B's residents, never for A's: the resident of A is not found in B
        login("clerk-b");
        page("/residents/" + fixture.residentB.id() + "/issue");
    }
}
