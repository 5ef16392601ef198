package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.location;
import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.record.testing.TestData;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests from residents over HTTPS (issue 21): a disclosure request received with its receipt number,
 * handled to an outcome, and its printout with what the municipality holds and the issuance history;
 * the audit names receipt number and codes, never the handling notes; roles and municipalities enforced.
 */
class ResidentRequestsIT extends ConsoleHttpIT {

    @AfterEach
    void noPageShowedAMyNumber() {
        assertNoPageShowedAMyNumber();
    }

    private String today() {
        return LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE).toString();
    }

    private List<String> details(String action) {
        return fixture.store.database().read(tx -> tx.query("SELECT detail FROM audit_log WHERE action = ? ORDER BY seq",
                row -> row.getString(1), action));
    }

    @Test
    void aDisclosureRequestIsReceivedHandledAndPrinted() throws Exception {
        login("supervisor-a");
        String a = fixture.residentA.id();
        assertTrue(page("/residents/" + a).contains("/residents/" + a + "/requests"));
        page("/residents/" + a + "/requests");
        HttpResponse<byte[]> noReceipt = http.post("/residents/" + a + "/requests",
                Map.of("kind", "DISCLOSURE", "received", today(), "receipt", "", "handling", ""));
        assertEquals(400, noReceipt.statusCode());
        HttpResponse<byte[]> received = http.post("/residents/" + a + "/requests",
                Map.of("kind", "DISCLOSURE", "received", today(), "receipt", "UK-2026-0042", "handling", "本人来庁、運転免許証で確認"));
        assertEquals(303, received.statusCode(), text(received));
        String requestPath = location(received);
        assertTrue(requestPath.startsWith("/residents/" + a + "/requests/"), requestPath);
        HttpResponse<byte[]> sameReceipt = http.post("/residents/" + a + "/requests",
                Map.of("kind", "CORRECTION", "received", today(), "receipt", "UK-2026-0042", "handling", ""));
        assertTrue(text(sameReceipt).contains("この受付票番号はすでに使われています"));

        String request = page(requestPath);
        assertTrue(request.contains("UK-2026-0042") && request.contains("開示請求") && request.contains("受付済み"));
        HttpResponse<byte[]> noOutcome = http.post(requestPath, Map.of("status", "DONE", "outcome", "", "handling", ""));
        assertTrue(text(noOutcome).contains("結果を選んでください"));
        assertEquals(303, http.post(requestPath, Map.of("status", "DONE", "outcome", "GRANTED",
                "handling", "開示書面を交付")).statusCode());
        assertTrue(page(requestPath).contains("認容"));
        assertTrue(page("/residents/" + a + "/requests").contains("UK-2026-0042"));

        String printout = page(requestPath + "/disclosure");
        for (String held : List.of(TestData.FAMILY_KANJI, TestData.ADDRESS, TestData.PASSPORT, "UK-2026-0042",
                fixture.dosesA.getFirst().lotNumber(), fixture.certificateA, fixture.certificateA2, "文京区")) {
            assertTrue(printout.contains(held), "the printout shows " + held);
        }
        assertFalse(printout.contains(fixture.certificateB), "nothing of another municipality");

        assertEquals(List.of("request=" + requestPath.substring(requestPath.lastIndexOf('/') + 1)
                + " kind=DISCLOSURE receipt=UK-2026-0042"), details("RECEIVE_REQUEST"));
        assertTrue(details("UPDATE_REQUEST").getFirst().endsWith("receipt=UK-2026-0042 status=DONE outcome=GRANTED"));
        assertEquals(1, details("PRINT_DISCLOSURE").size());
        List<String> logged = fixture.store.database().read(tx -> tx.query(
                "SELECT coalesce(detail, '') FROM audit_log", row -> row.getString(1)));
        String all = String.join("\n", logged);
        assertFalse(all.contains("運転免許証") || all.contains("開示書面を交付"), "handling notes are never logged");

        // a correction request is not printed as a disclosure
        page("/residents/" + a + "/requests");
        String correction = location(http.post("/residents/" + a + "/requests",
                Map.of("kind", "CORRECTION", "received", today(), "receipt", "UK-2026-0043", "handling", "")));
        assertEquals(404, http.get(correction + "/disclosure").statusCode());
        assertTrue(page("/requests").contains("UK-2026-0043"), "open requests are listed");
        assertFalse(page("/requests").contains("UK-2026-0042"), "done requests are not");
    }

    @Test
    void clerksReadStatisticsUsersAndOtherMunicipalitiesGetNothing() throws Exception {
        String a = fixture.residentA.id();
        login("supervisor-a");
        page("/residents/" + a + "/requests");
        String requestPath = location(http.post("/residents/" + a + "/requests",
                Map.of("kind", "DISCLOSURE", "received", today(), "receipt", "UK-1", "handling", "")));

        login("clerk-a");
        assertTrue(page(requestPath).contains("UK-1"), "a clerk reads the request");
        assertFalse(page(requestPath).contains("name=\"status\""), "but gets no form");
        assertEquals(403, http.get(requestPath + "/disclosure").statusCode());
        assertEquals(403, http.post(requestPath, Map.of("status", "DONE", "outcome", "REFUSED", "handling", "")).statusCode());
        assertEquals(403, http.post("/residents/" + a + "/requests", Map.of("kind", "DISCLOSURE", "received", today(),
                "receipt", "UK-2", "handling", "")).statusCode());

        for (String user : List.of("stats", "admin-a")) {
            login(user);
            for (String path : List.of("/requests", "/residents/" + a + "/requests", requestPath, requestPath + "/disclosure")) {
                assertEquals(403, http.get(path).statusCode(), user + " " + path);
            }
        }
        login("clerk-b");
        assertEquals(404, http.get("/residents/" + a + "/requests").statusCode());
        assertEquals(404, http.get(requestPath).statusCode());
        assertFalse(page("/requests").contains("UK-1"), "B's list holds nothing of A");

        login("supervisor-a");
        String b = fixture.residentB.id();
        page("/issuances");
        assertEquals(404, http.post("/residents/" + b + "/requests", Map.of("kind", "DISCLOSURE", "received", today(),
                "receipt", "UK-3", "handling", "")).statusCode());
        long rows = fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM resident_request"));
        assertEquals(1, rows);
    }
}
