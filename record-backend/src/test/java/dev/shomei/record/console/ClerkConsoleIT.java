package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.location;
import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.Authenticator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clerk console over real HTTPS: login with TOTP and its hardening, roles, municipality
 * isolation, changes with previous values in the audit log, export, user administration, the audit
 * review and tamper check, XSS and SQL injection in every input field. After each test, no response
 * body may contain a My Number.
 */
class ClerkConsoleIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleHttp http;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ConsoleFixture(dir, pki, databaseUrl());
        http = new ConsoleHttp(pki, fixture.origin());
    }

    @AfterEach
    void stop() {
        try {
            for (ConsoleHttp client : List.of(http)) {
                for (byte[] body : client.bodies) {
                    String page = new String(body, StandardCharsets.UTF_8);
                    assertFalse(page.contains(fixture.myNumberA.digits()), "a page showed a My Number");
                    assertFalse(page.contains(fixture.myNumberB.digits()), "a page showed a My Number");
                }
            }
        } finally {
            fixture.close();
        }
    }

    /** The engine under test: SQLite here, PostgreSQL in {@link ClerkConsolePostgresIT}. */
    protected String databaseUrl() {
        return dev.shomei.record.db.Database.defaultUrl(dir);
    }

    private void login(String user) throws Exception {
        HttpResponse<byte[]> response = http.login(user, ConsoleFixture.PASSWORD, fixture.code(user));
        assertEquals(303, response.statusCode(), text(response));
        assertEquals("/", location(response));
    }

    /** A search: always a POSTed form (names and birth dates never go into a URL). */
    private String search(String path, Map<String, String> form) throws Exception {
        page(path); // the form, with this session's CSRF token
        HttpResponse<byte[]> response = http.post(path, form);
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        return text(response);
    }

    private String page(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        return text(response);
    }

    private List<AuditRow> audit(String action) {
        return fixture.store.database().read(tx -> tx.query("SELECT actor_id, source, action, target_id, outcome, detail "
                        + "FROM audit_log WHERE action = ? ORDER BY chain, seq",
                row -> new AuditRow(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6)), action));
    }

    record AuditRow(String actor, String source, String action, String target, String outcome, String detail) {
    }

    @Test
    void loginNeedsPasswordAndTotpAndIssuesAFreshHardenedSessionCookie() throws Exception {
        assertEquals(303, http.get("/issuances").statusCode(), "no session: to the login page");
        assertEquals("/login", location(http.get("/residents/" + fixture.residentA.id())));

        http.cookies.put(Cookies.SESSION, "attacker-chosen-session-id"); // fixation attempt
        HttpResponse<byte[]> ok = http.login("clerk-a", ConsoleFixture.PASSWORD, fixture.code("clerk-a"));
        assertEquals(303, ok.statusCode());
        String cookie = ok.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(Cookies.SESSION + "="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("; Secure") && cookie.contains("; HttpOnly") && cookie.contains("SameSite=Strict")
                && cookie.contains("Path=/"), cookie);
        assertNotEquals("attacker-chosen-session-id", http.cookies.get(Cookies.SESSION));
        assertEquals(43, http.cookies.get(Cookies.SESSION).length(), "256-bit random id");

        HttpResponse<byte[]> page = http.get("/residents/" + fixture.residentA.id());
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe"));
        assertFalse(text(page).contains("<script"), "no scripts at all");
        assertTrue(text(page).contains(TestData.FAMILY_KANJI));
        assertTrue(text(page).contains("直近30日 2 件"), "the clerk sees how often the card was used lately");

        List<AuditRow> logins = audit("LOGIN");
        assertTrue(logins.stream().anyMatch(r -> r.actor().equals("clerk-a") && r.outcome().equals("OK")
                && r.source().equals("127.0.0.1")), logins.toString());
    }

    @Test
    void wrongPasswordOrCodeLooksTheSameAndRepeatedFailuresLockTheId() throws Exception {
        HttpResponse<byte[]> badPassword = http.login("clerk-a", "Wrong-Password-99", fixture.code("clerk-a"));
        HttpResponse<byte[]> badCode = http.login("clerk-a", ConsoleFixture.PASSWORD, "000000");
        HttpResponse<byte[]> unknown = http.login("nobody-here", ConsoleFixture.PASSWORD, "123456");
        assertEquals(401, badPassword.statusCode());
        assertEquals(401, badCode.statusCode());
        assertEquals(401, unknown.statusCode());
        String message = new Lang[] {Lang.JA}[0].t("login.failed");
        for (HttpResponse<byte[]> response : List.of(badPassword, badCode, unknown)) {
            assertTrue(text(response).contains(message));
        }
        for (int i = 0; i < Authenticator.MAX_FAILURES - 2; i++) {
            http.login("clerk-a", "Wrong-Password-99", fixture.code("clerk-a"));
        }
        HttpResponse<byte[]> locked = http.login("clerk-a", ConsoleFixture.PASSWORD, fixture.code("clerk-a"));
        assertEquals(401, locked.statusCode(), "locked: even the right credentials are refused");
        assertTrue(text(locked).contains("まで停止しています"), "the lock is said (issue 18 point 5)");
        List<AuditRow> refused = audit("LOGIN").stream().filter(r -> r.outcome().equals("REFUSED")).toList();
        assertTrue(refused.stream().anyMatch(r -> r.detail().contains("reason=BAD_PASSWORD")));
        assertTrue(refused.stream().anyMatch(r -> r.detail().contains("reason=BAD_CODE")));
        assertTrue(refused.stream().anyMatch(r -> r.detail().contains("reason=UNKNOWN_ID") && r.actor().matches("#[0-9a-f]{16}")),
                "an unknown id is kept as a keyed hash");
        assertTrue(refused.stream().noneMatch(r -> r.actor().contains("nobody-here")), "never as typed");
        assertTrue(refused.stream().anyMatch(r -> r.detail().contains("locked_until=")));
        assertTrue(refused.stream().anyMatch(r -> r.detail().equals("reason=LOCKED")));

        fixture.clock.advance(Authenticator.LOCKOUT.plusMinutes(1));
        login("clerk-a");
    }

    @Test
    void aLockIsSaidWithItsEndAndATypedIdThatDoesNotExistLocksAlike() throws Exception {
        String failed = Lang.JA.t("login.failed");
        for (String typed : List.of("clerk-a", "nobody-here")) {
            for (int i = 1; i < Authenticator.MAX_FAILURES; i++) {
                HttpResponse<byte[]> refused = http.login(typed, "Wrong-Password-99", fixture.code("clerk-a"));
                assertEquals(401, refused.statusCode());
                assertTrue(text(refused).contains(failed), typed + " " + i);
            }
            HttpResponse<byte[]> locking = http.login(typed, "Wrong-Password-99", fixture.code("clerk-a"));
            String expected = Lang.JA.t("login.locked", Formats.time(fixture.clock.instant().plus(Authenticator.LOCKOUT)));
            assertTrue(text(locking).contains(expected), typed + ": " + text(locking));
            HttpResponse<byte[]> stillLocked = http.login(typed, ConsoleFixture.PASSWORD, fixture.code("clerk-a"));
            assertEquals(401, stillLocked.statusCode());
            assertTrue(text(stillLocked).contains("まで停止しています"), typed);
            assertFalse(text(stillLocked).contains(failed), "the same page for an id that exists and one that does not");
        }
        fixture.clock.advance(Authenticator.LOCKOUT.plusMinutes(1));
        login("clerk-a");
    }

    @Test
    void aTotpCodeWorksOnceAndSessionsTimeOut() throws Exception {
        String code = fixture.code("clerk-a");
        assertEquals(303, http.login("clerk-a", ConsoleFixture.PASSWORD, code).statusCode());
        ConsoleHttp other = new ConsoleHttp(pki, fixture.origin());
        assertEquals(401, other.login("clerk-a", ConsoleFixture.PASSWORD, code).statusCode(), "replayed code");
        assertTrue(audit("LOGIN").stream().anyMatch(r -> "reason=CODE_REUSED".equals(r.detail())));

        assertEquals(200, http.get("/issuances").statusCode());
        fixture.clock.advance(Duration.ofMinutes(16));
        HttpResponse<byte[]> expired = http.get("/issuances");
        assertEquals(303, expired.statusCode(), "idle timeout");
        assertEquals("/login", location(expired));
    }

    @Test
    void everyPostNeedsTheCsrfTokenAndTheSameOrigin() throws Exception {
        login("supervisor-a");
        page("/residents/" + fixture.residentA.id());
        String path = "/residents/" + fixture.residentA.id() + "/status";
        assertEquals(403, http.post(path, Map.of("status", "DECEASED"), false).statusCode());
        assertEquals(403, http.post(path, Map.of("status", "DECEASED", "_csrf", "forged")).statusCode());
        var foreign = http.builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "status=DECEASED&_csrf=" + http.csrf));
        assertEquals(403, http.send(foreign).statusCode());
        assertEquals(ResidentStatus.ACTIVE, resident(fixture.residentA).status(), "refused posts change nothing");
        // the login form has its own token
        ConsoleHttp fresh = new ConsoleHttp(pki, fixture.origin());
        assertEquals(403, fresh.post("/login", Map.of("user", "clerk-a", "password", ConsoleFixture.PASSWORD,
                "code", fixture.code("clerk-a"))).statusCode());

        assertEquals(303, http.post(path, Map.of("status", "DECEASED")).statusCode());
        assertEquals(ResidentStatus.DECEASED, resident(fixture.residentA).status());
    }

    @Test
    void rolesAreLeastPrivilege() throws Exception {
        login("clerk-a");
        page("/issuances");
        assertEquals(403, http.get("/export").statusCode());
        assertEquals(403, http.post("/export", Map.of("from", "2020-01-01", "to", "2020-12-31")).statusCode());
        assertEquals(403, http.get("/users").statusCode());
        assertEquals(403, http.get("/audit").statusCode());
        assertEquals(403, http.get("/issuances/" + fixture.certificateA + "/void").statusCode());
        assertEquals(403, http.post("/residents/" + fixture.residentA.id() + "/status", Map.of("status", "DECEASED"))
                .statusCode());
        assertEquals(ResidentStatus.ACTIVE, resident(fixture.residentA).status());

        http = new ConsoleHttp(pki, fixture.origin());
        login("admin-a");
        assertEquals("/users", location(http.get("/")));
        assertEquals(403, http.get("/residents/" + fixture.residentA.id()).statusCode(), "administrators see no residents");
        page("/users"); // a CSRF token: the refusal below is for the role, not the token
        HttpResponse<byte[]> adminSearch = http.post("/issuances", Map.of("search", "1"));
        assertEquals(403, adminSearch.statusCode());
        assertTrue(text(adminSearch).contains(Lang.JA.t("error.forbidden")), "refused for the role");
        assertEquals(403, http.get("/statistics").statusCode());
        assertFalse(page("/users").contains(TestData.FAMILY_KANJI));

        http = new ConsoleHttp(pki, fixture.origin());
        login("stats");
        assertEquals("/statistics", location(http.get("/")));
        String statistics = page("/statistics?month=" + java.time.YearMonth.from(LocalDate.now().minusDays(1)));
        assertTrue(statistics.contains("131059") && statistics.contains("131041"), "both municipalities, counts only");
        assertFalse(statistics.contains(TestData.FAMILY_KANJI) || statistics.contains(fixture.certificateA));
        assertEquals(403, http.get("/residents/" + fixture.residentA.id()).statusCode());
        assertEquals(403, http.get("/issuances").statusCode());
        assertEquals(403, http.get("/audit").statusCode());
    }

    @Test
    void aResidentBornBefore2000IsFoundByNameAndBirthDate() throws Exception {
        login("supervisor-a");
        String family = java.net.URLEncoder.encode(TestData.FAMILY_KANJI, StandardCharsets.UTF_8);
        String refused = Lang.JA.t("search.bad.birth");
        String found = search("/residents", Map.of("name", TestData.FAMILY_KANJI, "birth", TestData.BIRTH.toString())); // 1961
        assertFalse(found.contains(refused), "a 1961 birth date is a valid search");
        assertTrue(found.contains("/residents/" + fixture.residentA.id()), "the resident born in 1961 is found");
        assertFalse(search("/residents", Map.of("name", TestData.FAMILY_KANJI, "birth", "1900-01-01")).contains(refused),
                "the earliest birth date a record may hold can be searched");
        assertTrue(search("/residents", Map.of("name", TestData.FAMILY_KANJI, "birth", "1899-12-31")).contains(refused));
        assertFalse(page("/residents?name=" + family + "&birth=" + TestData.BIRTH).contains("/residents/" + fixture.residentA.id()),
                "a name and birth date in the URL are not searched");
    }

    @Test
    void aClerkOfAReachesNoRecordOfBByAnyUrl() throws Exception {
        login("supervisor-a");
        String b = fixture.residentB.id();
        Vaccination doseB = fixture.store.database().read(tx -> new VaccinationRepository()
                .list(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.B), b)).getFirst();
        for (String path : List.of("/residents/" + b, "/residents/" + b + "/passport", "/residents/" + b + "/alternative-name",
                "/residents/" + b + "/doses/" + doseB.id(), "/issuances/" + fixture.certificateB + "/void")) {
            HttpResponse<byte[]> response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(text(response).contains("山田"), path);
        }
        String search = search("/issuances", Map.of("search", "1", "certificateId", fixture.certificateB));
        assertFalse(search.contains(fixture.certificateB + "</td>"), "B's certificate is not found under A");
        assertFalse(search("/issuances", Map.of("search", "1")).contains(fixture.certificateB));
        assertTrue(search("/residents", Map.of("atena", "B-000001")).contains(new Lang[] {Lang.JA}[0].t("search.count", 0)));

        page("/residents/" + fixture.residentA.id());
        for (var post : Map.of(
                "/residents/" + b + "/status", Map.of("status", "DECEASED"),
                "/residents/" + b + "/passport", Map.of("passport", "XX1234567", "family", "X", "given", "Y", "nationality", "JPN"),
                "/residents/" + b + "/alternative-name", Map.of("kind", "FORMER_SURNAME", "name", "悪意", "roman", ""),
                "/residents/" + b + "/doses/" + doseB.id(), Map.of("date", "2021-07-01", "product", "comirnaty", "lot", "EVIL1", "ticket", ""),
                "/issuances/" + fixture.certificateB + "/void", Map.of("reason", "OTHER", "note", "")).entrySet()) {
            assertEquals(404, http.post(post.getKey(), post.getValue()).statusCode(), post.getKey());
        }
        Resident after = fixture.store.database().read(tx -> new ResidentRepository()
                .findById(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.B), b)).orElseThrow();
        assertEquals(ResidentStatus.ACTIVE, after.status());
        assertEquals(null, after.passportNumber());
        assertEquals(IssuanceStatus.PRINTED, issuance(ConsoleFixture.B, fixture.certificateB).status());
        Vaccination doseAfter = fixture.store.database().read(tx -> new VaccinationRepository()
                .list(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.B), b)).getFirst();
        assertEquals(doseB.lotNumber(), doseAfter.lotNumber());
        assertTrue(audit("VIEW_RESIDENT").stream().anyMatch(r -> r.target().equals(b) && r.outcome().equals("NO_RECORD")),
                "the probe is in the audit log");

        // and the other way round: B's clerk does not see A
        ConsoleHttp clerkB = new ConsoleHttp(pki, fixture.origin());
        clerkB.login("clerk-b", ConsoleFixture.PASSWORD, fixture.code("clerk-b"));
        assertEquals(404, clerkB.get("/residents/" + fixture.residentA.id()).statusCode());
        http.bodies.addAll(clerkB.bodies);
    }

    @Test
    void aSupervisorSetsAndRemovesAFormerSurnameAndANameNoFontPrintsIsRefused() throws Exception {
        login("supervisor-a");
        String id = fixture.residentA.id();
        assertTrue(page("/residents/" + id).contains("/residents/" + id + "/alternative-name"));
        page("/residents/" + id + "/alternative-name");
        assertEquals(303, http.post("/residents/" + id + "/alternative-name",
                Map.of("kind", "FORMER_SURNAME", "name", "𠮷田", "roman", "yoshida")).statusCode());
        AlternativeName stored = alternativeNameOfA().orElseThrow();
        assertEquals(AlternativeName.Kind.FORMER_SURNAME, stored.kind());
        assertEquals("𠮷田", stored.name());
        assertEquals("YOSHIDA", stored.roman());
        assertTrue(page("/residents/" + id + "/alternative-name").contains("𠮷田"));

        HttpResponse<byte[]> unprintable = http.post("/residents/" + id + "/alternative-name",
                Map.of("kind", "FORMER_SURNAME", "name", "佐\uD83D\uDE00", "roman", ""));
        assertEquals(400, unprintable.statusCode(), "a character no certificate font has is refused");
        assertEquals("𠮷田", alternativeNameOfA().orElseThrow().name());

        assertEquals(303, http.post("/residents/" + id + "/alternative-name", Map.of("kind", "", "name", "", "roman", ""))
                .statusCode());
        assertTrue(alternativeNameOfA().isEmpty(), "an empty name removes it");
        AuditRow removal = audit("SET_ALTERNATIVE_NAME").getLast();
        assertFalse(removal.detail().contains("𠮷田"), "previous values are sealed");
        TenantCipher tenant = fixture.store.database().read(tx -> fixture.store.keyring().cipher(tx, ConsoleFixture.A));
        assertEquals("𠮷田", PreviousValues.open(tenant, id, removal.detail()).orElseThrow().get("alternativeName"));
    }

    private java.util.Optional<AlternativeName> alternativeNameOfA() {
        return fixture.store.database().read(tx -> new AlternativeNameRepository().find(tx,
                fixture.store.keyring().cipher(tx, ConsoleFixture.A), fixture.residentA.id()));
    }

    @Test
    void supervisorChangesKeepThePreviousValuesInTheAuditLogAndAFlaggedResidentIsRefused() throws Exception {
        login("supervisor-a");
        String id = fixture.residentA.id();
        Vaccination dose = fixture.dosesA.get(1);
        page("/residents/" + id + "/doses/" + dose.id());
        HttpResponse<byte[]> corrected = http.post("/residents/" + id + "/doses/" + dose.id(),
                Map.of("date", "2021-07-02", "product", "spikevax", "lot", "NEWLOT-7", "ticket", "T-1",
                        "reason", "ENTRY_ERROR", "note", "予診票で確認"));
        assertEquals(303, corrected.statusCode(), text(corrected));
        Vaccination after = fixture.store.database().read(tx -> new VaccinationRepository()
                .find(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.A), id, dose.doseNumber())).orElseThrow();
        assertEquals("NEWLOT-7", after.lotNumber());
        assertEquals("spikevax", after.product());
        AuditRow row = audit("CORRECT_DOSE").getFirst();
        assertTrue(row.detail().contains("previous=sealed:"), row.detail());
        assertFalse(row.detail().contains(dose.lotNumber()), "previous values are sealed, not in clear");
        assertTrue(row.detail().contains("reason=ENTRY_ERROR fields=date,product,manufacturer,lot,ticket"), row.detail());
        assertFalse(row.detail().contains("予診票"), "the free-text note is not in the audit log in clear");
        TenantCipher tenant = fixture.store.database().read(tx -> fixture.store.keyring().cipher(tx, ConsoleFixture.A));
        Map<String, String> previous = PreviousValues.open(tenant, id, row.detail()).orElseThrow();
        assertEquals(dose.lotNumber(), previous.get("lot"));
        assertEquals(dose.date().toString(), previous.get("date"));
        assertTrue(page("/residents/" + id).contains("lot: " + dose.lotNumber()), "the history shows the previous lot");

        assertEquals(303, http.post("/residents/" + id + "/passport", Map.of("passport", "TK7654321", "family", "TAKATSUKASA",
                "given", "UTANOSUKE", "nationality", "JPN")).statusCode());
        assertEquals("TK7654321", resident(fixture.residentA).passportNumber());
        Map<String, String> previousPassport = PreviousValues.open(tenant, id, audit("REGISTER_PASSPORT").getFirst().detail())
                .orElseThrow();
        assertEquals(TestData.PASSPORT, previousPassport.get("passport"));

        page("/issuances/" + fixture.certificateA + "/void");
        assertEquals(400, http.post("/issuances/" + fixture.certificateA + "/void", Map.of("reason", "", "note", ""))
                .statusCode(), "a reason is required");
        assertEquals(IssuanceStatus.PRINTED, issuance(ConsoleFixture.A, fixture.certificateA).status());
        assertEquals(303, http.post("/issuances/" + fixture.certificateA + "/void",
                Map.of("reason", "LOST_OR_DAMAGED", "note", "申出による")).statusCode());
        Issuance voided = issuance(ConsoleFixture.A, fixture.certificateA);
        assertEquals(IssuanceStatus.VOIDED, voided.status());
        assertEquals("LOST_OR_DAMAGED", voided.voidReason());
        assertTrue(audit("VOID_ISSUANCE").getFirst().detail().startsWith("from=PRINTED reason=LOST_OR_DAMAGED"));

        assertEquals(303, http.post("/residents/" + id + "/status", Map.of("status", "MOVED_OUT")).statusCode());
        assertEquals("from=ACTIVE to=MOVED_OUT", audit("SET_STATUS").getFirst().detail());
        IssuanceService issuance = new IssuanceService(fixture.store.database(), fixture.store.keyring(),
                fixture.store.audit(), new QrCertificateSigner(IssuerKeySources.dev(pki, "https://127.0.0.1:8411")),
                new CertificateContents(VaccineCatalog.standard()), fixture.clock);
        // moved out: this municipality still certifies the doses it gave
        assertEquals(ConsoleFixture.A.value(), issuance.issue(TestData.request("TX-NEW-1", ConsoleFixture.A,
                fixture.myNumberA, TestData.BIRTH, CertificateType.DOMESTIC), "center").municipalityCode());

        assertEquals(400, http.post("/residents/" + id + "/hold", Map.of("reason", "佐藤さんの件")).statusCode(),
                "a reason code, never free text");
        assertTrue(page("/residents/" + id).contains("交付を停止"));
        assertEquals(303, http.post("/residents/" + id + "/hold", Map.of("reason", "CARD_LOST_OR_STOLEN")).statusCode());
        assertEquals("reason=CARD_LOST_OR_STOLEN", audit("HOLD_RESIDENT").getFirst().detail());
        assertTrue(page("/residents/" + id).contains("交付停止中（カードの紛失・盗難）"));
        ShomeiException refused = assertThrows(ShomeiException.class, () -> issuance.issue(TestData.request("TX-NEW-2",
                ConsoleFixture.A, fixture.myNumberA, TestData.BIRTH, CertificateType.DOMESTIC), "center"));
        assertEquals(ErrorCode.RESIDENT_FLAGGED, refused.code());
        assertEquals(303, http.post("/residents/" + id + "/release-hold", Map.of()).statusCode());
        assertEquals("from=CARD_LOST_OR_STOLEN", audit("RELEASE_HOLD").getFirst().detail());
        assertEquals(ConsoleFixture.A.value(), issuance.issue(TestData.request("TX-NEW-3", ConsoleFixture.A,
                fixture.myNumberA, TestData.BIRTH, CertificateType.DOMESTIC), "center").municipalityCode());

        assertEquals(303, http.post("/residents/" + id + "/status", Map.of("status", "DECEASED")).statusCode());
        ShomeiException deceased = assertThrows(ShomeiException.class, () -> issuance.issue(TestData.request("TX-NEW-4",
                ConsoleFixture.A, fixture.myNumberA, TestData.BIRTH, CertificateType.DOMESTIC), "center"));
        assertEquals(ErrorCode.RESIDENT_FLAGGED, deceased.code());
        assertTrue(fixture.store.auditVerifier().verify().intact());
    }

    @Test
    void theExportIsACsvOfTheOwnMunicipalityWithoutAnyMyNumber() throws Exception {
        login("supervisor-a");
        page("/export");
        LocalDate today = LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE);
        HttpResponse<byte[]> csv = http.post("/export", Map.of("from", today.minusDays(7).toString(), "to", today.toString()));
        assertEquals(200, csv.statusCode(), text(csv));
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment;"));
        assertEquals("no-store", csv.headers().firstValue("Cache-Control").orElseThrow());
        String body = text(csv);
        String header = body.lines().findFirst().orElseThrow().replace("\uFEFF", "");
        assertEquals(String.join(",", ExportPage.COLUMNS), header);
        assertFalse(header.toLowerCase().contains("my_number") || header.contains("個人番号"));
        assertTrue(body.contains(fixture.certificateA) && body.contains(fixture.certificateA2));
        assertFalse(body.contains(fixture.certificateB), "only the own municipality");
        for (String digits : List.of(fixture.myNumberA.digits(), fixture.myNumberB.digits())) {
            assertFalse(new String(csv.body(), StandardCharsets.UTF_8).contains(digits));
            assertFalse(new String(csv.body(), StandardCharsets.ISO_8859_1).contains(digits));
        }
        assertEquals(3, body.lines().count(), "header and two records");
        AuditRow export = audit("EXPORT").getFirst();
        assertEquals("supervisor-a", export.actor());
        assertTrue(export.detail().endsWith("rows=2"), export.detail());
        assertEquals(400, http.post("/export", Map.of("from", "2021-01-01", "to", "2023-01-01")).statusCode(),
                "longer than a year");
    }

    @Test
    void administratorsIssueIdsThatEnrolTotpByQrAndDisableThemAtOnce() throws Exception {
        login("admin-a");
        page("/users/new");
        HttpResponse<byte[]> refused = http.post("/users", Map.of("id", "shared-window", "displayName", "窓口共用",
                "role", "CLERK", "scope", "131059", "expires", LocalDate.now().plusMonths(6).toString(), "shared", "1",
                "people", "", "terminals", ""));
        assertEquals(400, refused.statusCode(), "a shared id needs its people and terminals");
        HttpResponse<byte[]> wider = http.post("/users", Map.of("id", "sneaky", "displayName", "x", "role", "STATISTICS",
                "scope", "*", "expires", LocalDate.now().plusMonths(6).toString()));
        assertTrue(wider.statusCode() == 400 || wider.statusCode() == 403, "no wider scope than the administrator's");
        HttpResponse<byte[]> issued = http.post("/users", Map.of("id", "new-clerk", "displayName", "新任 職員",
                "role", "CLERK", "scope", "131059", "expires", LocalDate.now().plusMonths(6).toString(), "shared", "1",
                "people", "文京 一郎, 文京 二郎", "terminals", "LGWAN-PC-01"));
        assertEquals(200, issued.statusCode(), text(issued));
        Matcher initial = Pattern.compile("<code class=\"secret\">([^<]+)</code>").matcher(text(issued));
        assertTrue(initial.find());
        String initialPassword = initial.group(1);
        assertTrue(audit("CREATE_USER").stream().anyMatch(r -> r.target().equals("new-clerk") && r.actor().equals("admin-a")
                && r.detail().contains("shared=true")));

        ConsoleHttp user = new ConsoleHttp(pki, fixture.origin());
        HttpResponse<byte[]> first = user.login("new-clerk", initialPassword, "");
        assertEquals("/enrol", location(first));
        assertEquals("/enrol", location(user.get("/issuances")), "nothing but enrolment before TOTP is set up");
        HttpResponse<byte[]> enrol = user.get("/enrol");
        String enrolPage = text(enrol);
        assertTrue(enrolPage.contains("<svg class=\"qr\""), "the QR code is inline SVG");
        Matcher key = Pattern.compile("<code class=\"secret\">([A-Z2-7 ]+)</code>").matcher(enrolPage);
        assertTrue(key.find());
        byte[] secret = Base32.decode(key.group(1));
        assertEquals(400, user.post("/enrol", Map.of("code", "000000", "password", "My-Own-Password-1",
                "repeat", "My-Own-Password-1")).statusCode());
        assertEquals(400, user.post("/enrol", Map.of("code", fixture.code(secret), "password", "short",
                "repeat", "short")).statusCode());
        HttpResponse<byte[]> done = user.post("/enrol", Map.of("code", fixture.code(secret), "password", "My-Own-Password-1",
                "repeat", "My-Own-Password-1"));
        assertEquals(303, done.statusCode(), text(done));
        assertEquals(200, user.get("/issuances").statusCode());

        page("/users/new-clerk");
        assertEquals(303, http.post("/users/new-clerk/disable", Map.of("reason", "TRANSFER")).statusCode());
        HttpResponse<byte[]> after = user.get("/issuances");
        assertEquals(303, after.statusCode(), "a disabled id loses its session at once");
        assertEquals(401, user.login("new-clerk", "My-Own-Password-1", fixture.code(secret)).statusCode());
        assertTrue(audit("DISABLE_USER").getFirst().detail().startsWith("reason=TRANSFER"));

        String report = page("/users/report");
        assertTrue(report.contains("new-clerk") && report.contains("文京 一郎") && report.contains("LGWAN-PC-01"));
        assertEquals("admin-a", audit("REVIEW_USERS").getFirst().actor());
        http.bodies.addAll(user.bodies);
    }

    @Test
    void theAuditPagesShowTheActionsAndTheReviewAndTheTamperCheckWork() throws Exception {
        login("clerk-a");
        search("/issuances", Map.of("search", "1", "terminal", "KIOSK-0007"));
        page("/residents/" + fixture.residentA.id());
        http = new ConsoleHttp(pki, fixture.origin());
        login("supervisor-a");
        String log = page("/audit?user=clerk-a");
        assertTrue(log.contains("VIEW_RESIDENT") || log.contains(Lang.JA.t("action.VIEW_RESIDENT")));
        assertTrue(log.contains(fixture.residentA.id()) && log.contains("terminal=KIOSK-0007"), log);
        String review = page("/audit/review");
        assertTrue(review.contains("clerk-a"));

        HttpResponse<byte[]> intact = http.post("/audit/verify", Map.of());
        assertTrue(text(intact).contains("class=\"ok\""), text(intact));

        // someone edits one row in the database: the verifier and the console report it
        try (Connection connection = DriverManager.getConnection(fixture.jdbcUrl);
             Statement statement = connection.createStatement()) {
            assertEquals(1, statement.executeUpdate("UPDATE audit_log SET actor_id = 'someone-else' WHERE chain = '131059' "
                    + "AND action = 'VIEW_RESIDENT'"));
        }
        AuditVerifier.Result result = fixture.store.auditVerifier().verify();
        assertFalse(result.intact());
        assertTrue(result.problems().stream().anyMatch(p -> p.startsWith("chain 131059") && p.contains("was changed")),
                result.problems().toString());
        page("/audit");
        HttpResponse<byte[]> broken = http.post("/audit/verify", Map.of());
        assertTrue(text(broken).contains("class=\"error\"") && text(broken).contains("was changed"), text(broken));
    }

    @Test
    void xssAndSqlInjectionInEveryFieldAreShownAsTextAndChangeNothing() throws Exception {
        List<String> attacks = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                "' OR '1'='1", "'; DROP TABLE resident; --", "131059' UNION SELECT my_number_enc FROM my_number --");
        String rawMarkers = "<script>alert(1)|<img src=x";
        String id = fixture.residentA.id();
        Vaccination dose = fixture.dosesA.getFirst();
        for (String attack : attacks) {
            HttpResponse<byte[]> loginPage = http.login(attack, attack, attack);
            assertEquals(401, loginPage.statusCode());
            assertNoRawMarkup(loginPage, rawMarkers);
        }
        login("supervisor-a");
        for (String attack : attacks) {
            String q = java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8);
            page("/issuances"); // a form page: the CSRF token for the searches below
            for (Map<String, String> form : List.of(Map.of("search", "1", "certificateId", attack),
                    Map.of("search", "1", "terminal", attack), Map.of("search", "1", "from", attack, "to", attack),
                    Map.of("search", "1", "status", attack, "channel", attack))) {
                HttpResponse<byte[]> response = http.post("/issuances", form);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400, form + " -> " + response.statusCode());
                assertNoRawMarkup(response, rawMarkers);
            }
            for (Map<String, String> form : List.of(Map.of("atena", attack), Map.of("name", attack, "birth", "1961-07-23"))) {
                HttpResponse<byte[]> response = http.post("/residents", form);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400, form + " -> " + response.statusCode());
                assertNoRawMarkup(response, rawMarkers);
            }
            for (String path : List.of("/audit?user=" + q + "&action=" + q,
                    "/audit/review?month=" + q, "/residents/" + q, "/issuances/" + q + "/void")) {
                HttpResponse<byte[]> response = http.get(path);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 400 || response.statusCode() == 404,
                        path + " -> " + response.statusCode());
                assertNoRawMarkup(response, rawMarkers);
            }
            page("/residents/" + id);
            assertNoRawMarkup(http.post("/residents/" + id + "/doses/" + dose.id(), Map.of("date", attack, "product", attack,
                    "lot", attack, "ticket", attack)), rawMarkers);
            assertNoRawMarkup(http.post("/residents/" + id + "/doses/" + dose.id(), Map.of("date", "2021-07-01",
                    "product", "comirnaty", "lot", attack, "ticket", "", "reason", "ENTRY_ERROR")), rawMarkers);
            assertNoRawMarkup(http.post("/residents/" + id + "/passport", Map.of("passport", attack, "family", attack,
                    "given", attack, "nationality", attack)), rawMarkers);
            assertNoRawMarkup(http.post("/residents/" + id + "/status", Map.of("status", attack)), rawMarkers);
            assertNoRawMarkup(http.post("/issuances/" + fixture.certificateA + "/void", Map.of("reason", attack,
                    "note", attack)), rawMarkers);
            assertNoRawMarkup(http.post("/export", Map.of("from", attack, "to", attack)), rawMarkers);
        }
        ConsoleHttp admin = new ConsoleHttp(pki, fixture.origin());
        admin.login("admin-a", ConsoleFixture.PASSWORD, fixture.code("admin-a"));
        admin.get("/users/new");
        for (String attack : attacks) {
            HttpResponse<byte[]> response = admin.post("/users", Map.of("id", attack, "displayName", attack, "role", attack,
                    "scope", attack, "expires", attack, "shared", "1", "people", attack, "terminals", attack));
            assertEquals(400, response.statusCode());
            assertNoRawMarkup(response, rawMarkers);
            admin.get("/users/clerk-a");
            assertNoRawMarkup(admin.post("/users/clerk-a", Map.of("displayName", attack, "role", attack,
                    "expires", attack, "people", attack, "terminals", attack)), rawMarkers);
            assertNoRawMarkup(admin.post("/users/clerk-a/disable", Map.of("reason", attack)), rawMarkers);
        }
        // a display name that is an attack string is stored, and shown as text
        admin.get("/users/clerk-a");
        assertEquals(303, admin.post("/users/clerk-a", Map.of("displayName", attacks.getFirst(), "role", "CLERK",
                "expires", LocalDate.now().plusMonths(3).toString())).statusCode());
        HttpResponse<byte[]> list = admin.get("/users");
        assertTrue(text(list).contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertNoRawMarkup(list, rawMarkers);
        http.bodies.addAll(admin.bodies);

        // nothing changed: same residents, doses, issuances, statuses; the audit chain still verifies
        Resident after = resident(fixture.residentA);
        assertEquals(ResidentStatus.ACTIVE, after.status());
        assertEquals(TestData.PASSPORT, after.passportNumber());
        assertEquals(TestData.FAMILY_ROMAN, after.nameRoman().family());
        Vaccination doseAfter = fixture.store.database().read(tx -> new VaccinationRepository()
                .find(tx, fixture.store.keyring().cipher(tx, ConsoleFixture.A), id, dose.doseNumber())).orElseThrow();
        assertEquals(dose.lotNumber(), doseAfter.lotNumber());
        assertEquals(dose.date(), doseAfter.date());
        assertEquals(IssuanceStatus.PRINTED, issuance(ConsoleFixture.A, fixture.certificateA).status());
        assertEquals(2L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM resident")));
        assertEquals(3L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM issuance")));
        assertEquals(2L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM my_number")));
        assertEquals(5L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM clerk_user")));
        assertTrue(fixture.store.auditVerifier().verify().intact());
        // the typed attack strings (no user's id) reached the audit log only as keyed hashes, never as typed
        assertTrue(audit("LOGIN").stream().noneMatch(r -> r.actor().contains("<script>")));
        assertTrue(audit("LOGIN").stream().anyMatch(r -> r.actor().matches("#[0-9a-f]{16}")));
    }

    @Test
    void theLanguageSwitchesToEnglishAndBack() throws Exception {
        login("clerk-a");
        assertTrue(page("/issuances").contains("交付記録の検索"));
        HttpResponse<byte[]> toEnglish = http.get("/lang/en?back=/issuances");
        assertEquals("/issuances", location(toEnglish));
        String english = page("/issuances");
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("Issuance records"), english);
        assertEquals("/", location(http.get("/lang/ja?back=//evil.example/")), "no open redirect");
        assertTrue(page("/issuances").contains("<html lang=\"ja\">"));
    }

    private static void assertNoRawMarkup(HttpResponse<byte[]> response, String markers) {
        String body = text(response);
        for (String marker : markers.split("\\|")) {
            assertFalse(body.contains(marker), "raw markup reached the page: " + marker);
        }
    }

    private Resident resident(Resident resident) {
        return fixture.store.database().read(tx -> new ResidentRepository()
                .findById(tx, fixture.store.keyring().cipher(tx, resident.municipality()), resident.id())).orElseThrow();
    }

    private Issuance issuance(dev.shomei.record.domain.MunicipalityCode code, String certificateId) {
        return fixture.store.database().read(tx -> new IssuanceRepository().findByCertificateId(tx, code, certificateId))
                .orElseThrow();
    }
}
