package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.location;
import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transfers between municipalities over HTTPS (issue 21 point 3): a supervisor of Shinjuku (B) asks Bunkyo (A)
 * for the records of a resident who moved in, giving the My Number; Bunkyo's area answers because it holds
 * that number, and the doses are taken over (a dose number Shinjuku has already is skipped). Both provision
 * records exist, both audit chains verify, no page, audit entry or provision row carries the My Number; a
 * number Bunkyo does not hold is answered NOT_HELD; clerks without CHANGE_RECORDS, STATISTICS users and a
 * third municipality get nothing.
 */
class TransfersIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture fixture;
    ConsoleHttp http;
    MovedInFixture moved;
    /** Bunkyo's resident moved to Shinjuku: the same person, the same My Number, one dose known there already. */
    Resident movedIn;
    MyNumber notHeldInA;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() throws Exception {
        fixture = new ConsoleFixture(dir, pki, databaseUrl());
        http = new ConsoleHttp(pki, fixture.origin());
        moved = new MovedInFixture(fixture);
        movedIn = moved.movedIn;
        notHeldInA = moved.notHeldInA;
    }

    /** The engine under test: SQLite here, PostgreSQL in the subclass. */
    protected String databaseUrl() {
        return dev.shomei.record.db.Database.defaultUrl(dir);
    }

    @AfterEach
    void stop() {
        try {
            for (byte[] body : http.bodies) {
                String page = new String(body, StandardCharsets.UTF_8);
                for (MyNumber number : List.of(fixture.myNumberA, fixture.myNumberB, notHeldInA)) {
                    assertFalse(page.contains(number.digits()), "a page showed a My Number");
                }
            }
        } finally {
            fixture.close();
        }
    }

    private void login(String user) throws Exception {
        http.cookies.clear();
        assertEquals(303, http.login(user, ConsoleFixture.PASSWORD, moved.code(user)).statusCode(), user);
    }

    private String page(String path) throws Exception {
        HttpResponse<byte[]> response = http.get(path);
        assertEquals(200, response.statusCode(), path + ": " + text(response));
        return text(response);
    }

    private HttpResponse<byte[]> ask(String residentId, MyNumber number, String former) throws Exception {
        return http.post("/residents/" + residentId + "/transfer",
                Map.of("myNumber", number.digits(), "former", former, "consent", "1"));
    }

    private List<String> auditRows(String action) {
        return fixture.store.database().read(tx -> tx.query("SELECT chain || ' ' || outcome || ' ' || coalesce(detail, '') "
                + "FROM audit_log WHERE action = ? ORDER BY chain, seq", row -> row.getString(1), action));
    }

    private List<String> provisionRows(String id) {
        return fixture.store.database().read(tx -> tx.query("SELECT municipality_code || ' ' || side || ' ' || outcome "
                + "|| ' ' || dose_count || ' ' || requesting_code || ' ' || providing_code || ' ' || requested_by "
                + "FROM information_provision WHERE id = ? ORDER BY municipality_code", row -> row.getString(1), id));
    }

    @Test
    void aMovedInResidentsRecordsAreAskedForProvidedAndTakenOver() throws Exception {
        String a = ConsoleFixture.A.value();
        String b = ConsoleFixture.B.value();
        login("supervisor-b");
        assertTrue(page("/residents/" + movedIn.id()).contains("/residents/" + movedIn.id() + "/transfer"));
        String form = page("/residents/" + movedIn.id() + "/transfer");
        assertTrue(form.contains("type=\"password\"") && form.contains("name=\"consent\""), "the number is typed hidden");

        // refused before anything is asked: no consent, own municipality, bad number, someone else's number
        HttpResponse<byte[]> noConsent = http.post("/residents/" + movedIn.id() + "/transfer",
                Map.of("myNumber", fixture.myNumberA.digits(), "former", a));
        assertEquals(400, noConsent.statusCode());
        assertTrue(text(noConsent).contains("本人の同意を確認してください"));
        assertTrue(text(ask(movedIn.id(), fixture.myNumberA, b)).contains("当市区町村自身には照会できません"));
        assertTrue(text(ask(movedIn.id(), fixture.myNumberA, "999999")).contains("市区町村コードが正しくない"));
        HttpResponse<byte[]> badDigit = http.post("/residents/" + movedIn.id() + "/transfer",
                Map.of("myNumber", "123456789012", "former", a, "consent", "1"));
        assertTrue(text(badDigit).contains("検査数字"));
        HttpResponse<byte[]> someoneElse = ask(movedIn.id(), fixture.myNumberB, a);
        assertEquals(400, someoneElse.statusCode());
        assertTrue(text(someoneElse).contains("この住民の記録と一致しません"));
        assertEquals(List.of(b + " NOT_THIS_RESIDENT provider=" + a), auditRows("REQUEST_RECORDS"));
        assertEquals(0L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM information_provision")));

        // asked and answered
        HttpResponse<byte[]> asked = ask(movedIn.id(), fixture.myNumberA, a);
        assertEquals(303, asked.statusCode(), text(asked));
        String provisionPath = location(asked);
        String id = provisionPath.substring("/provisions/".length());
        String answer = page(provisionPath);
        for (Vaccination dose : fixture.dosesA) {
            assertTrue(answer.contains(dose.lotNumber()), "the answer shows the provided dose " + dose.doseNumber());
        }
        assertTrue(answer.contains("提供") && answer.contains("文京区") && answer.contains("B-000777"));
        assertEquals(List.of(b + " REQUESTED PROVIDED 3 " + b + " " + a + " supervisor-b",
                a + " PROVIDED PROVIDED 3 " + b + " " + a + " supervisor-b"), provisionRows(id));

        // taken over with a reason; dose 1 was known already
        HttpResponse<byte[]> noReason = http.post(provisionPath + "/take-over", Map.of("reason", "", "note", ""));
        assertEquals(400, noReason.statusCode());
        HttpResponse<byte[]> taken = http.post(provisionPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "転入届"));
        assertEquals(303, taken.statusCode(), text(taken));
        assertTrue(page(provisionPath).contains("2件を supervisor-b"));
        assertFalse(page(provisionPath).contains("/take-over"), "taken over once only");
        assertEquals(400, http.post(provisionPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "")).statusCode());
        List<Vaccination> doses = fixture.store.database().read(tx -> new VaccinationRepository().list(tx,
                fixture.store.keyring().cipher(tx, ConsoleFixture.B), movedIn.id()));
        assertEquals(List.of("KNOWN1", fixture.dosesA.get(1).lotNumber(), fixture.dosesA.get(2).lotNumber()),
                doses.stream().map(Vaccination::lotNumber).toList());
        assertEquals(fixture.dosesA.get(2).date(), doses.get(2).date());
        assertEquals(fixture.dosesA.get(2).ticketNumber(), doses.get(2).ticketNumber());
        assertEquals(List.of(a, a), fixture.store.database().read(tx -> tx.query("SELECT source_code FROM dose_transfer "
                + "WHERE municipality_code = ? AND provision_id = ?", row -> row.getString(1), b, id)));
        String takeOver = auditRows("TAKE_OVER_DOSES").getFirst();
        assertTrue(takeOver.startsWith(b + " OK provision=" + id + " provider=" + a + " doses=2,3 skipped=1 "
                + "reason=MOVED_IN"), takeOver);
        assertFalse(takeOver.contains("転入届"), "the note is sealed");
        assertTrue(page("/residents/" + movedIn.id()).contains(fixture.dosesA.get(2).lotNumber()));

        // a number Bunkyo does not hold
        Resident other = moved.notHeld;
        String notHeldPath = location(ask(other.id(), notHeldInA, a));
        String notHeld = page(notHeldPath);
        assertTrue(notHeld.contains("該当なし") && !notHeld.contains("/take-over"));
        String notHeldId = notHeldPath.substring("/provisions/".length());
        assertEquals(List.of(b + " REQUESTED NOT_HELD 0 " + b + " " + a + " supervisor-b",
                a + " PROVIDED NOT_HELD 0 " + b + " " + a + " supervisor-b"), provisionRows(notHeldId));
        assertEquals(1L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM information_provision "
                + "WHERE municipality_code = ? AND id = ? AND resident_id IS NULL", a, notHeldId)), "no resident on A's side");
        assertEquals(404, http.post(notHeldPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "")).statusCode());

        String list = page("/provisions");
        assertTrue(list.contains(provisionPath) && list.contains(notHeldPath));

        // both chains hold their entries, codes only, and verify
        assertEquals(List.of(a + " PROVIDED provision=" + id + " requester=" + b + " doses=3",
                a + " NOT_HELD provision=" + notHeldId + " requester=" + b + " doses=0"), auditRows("PROVIDE_RECORDS"));
        assertEquals(List.of(b + " NOT_THIS_RESIDENT provider=" + a,
                b + " PROVIDED provision=" + id + " provider=" + a + " doses=3",
                b + " NOT_HELD provision=" + notHeldId + " provider=" + a + " doses=0"), auditRows("REQUEST_RECORDS"));
        AuditVerifier.Result verified = fixture.store.auditVerifier().verify();
        assertTrue(verified.intact(), String.valueOf(verified.problems()));
        assertNoMyNumberStored();

        // the providing side's supervisors see their record, without the doses and without a take-over
        login("supervisor-a");
        String provided = page("/provisions");
        assertTrue(provided.contains(provisionPath) && provided.contains("新宿区"));
        String one = page(provisionPath);
        assertTrue(one.contains("提供（当市区町村が回答したもの）"));
        assertFalse(one.contains(fixture.dosesA.get(1).lotNumber()) || one.contains("/take-over"));
        assertEquals(404, http.post(provisionPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "")).statusCode());
    }

    /** No stored text holds the digits or their keyed lookup value. */
    private void assertNoMyNumberStored() {
        List<String> stored = new java.util.ArrayList<>(fixture.store.database().read(tx -> tx.query(
                "SELECT coalesce(detail, '') FROM audit_log", row -> row.getString(1))));
        stored.addAll(fixture.store.database().read(tx -> tx.query("SELECT id || requested_by || coalesce(resident_id, '') "
                + "FROM information_provision", row -> row.getString(1))));
        String all = String.join("\n", stored);
        for (MyNumber number : List.of(fixture.myNumberA, fixture.myNumberB, notHeldInA)) {
            assertFalse(all.contains(number.digits()), "a My Number was stored");
            for (MunicipalityCode code : List.of(ConsoleFixture.A, ConsoleFixture.B)) {
                String mac = fixture.store.database().read(tx -> HexFormat.of().formatHex(
                        fixture.store.keyring().cipher(tx, code).lookupMac(number)));
                assertFalse(all.toLowerCase(java.util.Locale.ROOT).contains(mac), "a lookup value was stored");
            }
        }
    }

    @Test
    void clerksStatisticsUsersAndAThirdMunicipalityGetNothing() throws Exception {
        String a = ConsoleFixture.A.value();
        login("supervisor-b");
        page("/residents/" + movedIn.id() + "/transfer");
        String provisionPath = location(ask(movedIn.id(), fixture.myNumberA, a));
        assertTrue(provisionPath.startsWith("/provisions/"), provisionPath);

        login("clerk-b");
        assertFalse(page("/residents/" + movedIn.id()).contains("/transfer"), "no link for a clerk");
        for (String path : List.of("/residents/" + movedIn.id() + "/transfer", "/provisions", provisionPath)) {
            assertEquals(403, http.get(path).statusCode(), "clerk-b " + path);
        }
        assertEquals(403, ask(movedIn.id(), fixture.myNumberA, a).statusCode());
        assertEquals(403, http.post(provisionPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "")).statusCode());

        login("stats");
        for (String path : List.of("/residents/" + movedIn.id() + "/transfer", "/provisions", provisionPath)) {
            assertEquals(403, http.get(path).statusCode(), "stats " + path);
        }

        login("supervisor-c");
        assertEquals(404, http.get(provisionPath).statusCode());
        assertEquals(404, http.get("/residents/" + movedIn.id() + "/transfer").statusCode());
        assertFalse(page("/provisions").contains(provisionPath), "C's list holds nothing of A or B");
        assertEquals(404, ask(movedIn.id(), fixture.myNumberA, a).statusCode());
        assertEquals(404, http.post(provisionPath + "/take-over", Map.of("reason", "MOVED_IN", "note", "")).statusCode());

        assertEquals(2L, (long) fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM information_provision")));
        assertEquals(1, fixture.store.database().read(tx -> new VaccinationRepository().list(tx,
                fixture.store.keyring().cipher(tx, ConsoleFixture.B), movedIn.id())).size(), "nothing taken over");
    }
}
