package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ServiceRules;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The monthly log review's two-person sign-off over HTTPS (issue 21): last month unsigned shows an
 * alert on a supervisor's start page until two different staff have confirmed it with findings; one
 * person cannot sign twice, a month not yet over cannot be signed; clerks and STATISTICS users get nothing.
 */
class ReviewSignOffIT extends ConsoleHttpIT {
    @Test
    void twoDifferentStaffSignOffLastMonthAndTheAlertGoes() throws Exception {
        YearMonth now = YearMonth.from(LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE));
        YearMonth last = now.minusMonths(1);
        login("supervisor-a");
        assertTrue(page("/issuances").contains("signoff-alert"), "the start page alerts while last month is unsigned");
        assertTrue(page("/audit/review?month=" + last).contains("/audit/signoff?month=" + last));
        assertTrue(page("/audit/signoff?month=" + last).contains("確認 0人 / 必要 2人"));

        HttpResponse<byte[]> empty = http.post("/audit/signoff", Map.of("month", last.toString(), "findings", " "));
        assertEquals(400, empty.statusCode());
        HttpResponse<byte[]> notOver = http.post("/audit/signoff", Map.of("month", now.toString(), "findings", "問題なし"));
        assertEquals(400, notOver.statusCode());
        assertTrue(text(notOver).contains("終わった月だけ"));
        assertEquals(303, http.post("/audit/signoff", Map.of("month", last.toString(),
                "findings", "時間外アクセス2件は当直の確認。問題なし。")).statusCode());
        assertTrue(page("/issuances").contains("signoff-alert"), "one sign-off is not enough");
        page("/audit/signoff?month=" + last);
        HttpResponse<byte[]> twice = http.post("/audit/signoff", Map.of("month", last.toString(), "findings", "再確認"));
        assertEquals(400, twice.statusCode());
        assertTrue(text(twice).contains("2回確認することはできません"));

        // a second member of staff (the administrator reviews the audit log too)
        login("admin-a");
        String signOffPage = page("/audit/signoff?month=" + last);
        assertTrue(signOffPage.contains("時間外アクセス2件は当直の確認"), "the first findings are shown");
        assertEquals(303, http.post("/audit/signoff", Map.of("month", last.toString(), "findings", "同意。")).statusCode());
        assertTrue(page("/audit/signoff?month=" + last).contains("この月の点検は完了しています（2人が確認）"));

        login("supervisor-a");
        assertFalse(page("/issuances").contains("signoff-alert"), "signed by two: no alert");
        List<String> details = fixture.store.database().read(tx -> tx.query(
                "SELECT chain || ' ' || detail FROM audit_log WHERE action = 'SIGN_OFF_REVIEW' ORDER BY seq",
                row -> row.getString(1)));
        assertEquals(List.of(ConsoleFixture.A.value() + " month=" + last + " signers=1",
                ConsoleFixture.A.value() + " month=" + last + " signers=2"), details, "findings stay out of the audit log");
    }

    @Test
    void clerksAndStatisticsUsersCannotSeeOrSignAndNoAlertIsShownToAClerk() throws Exception {
        YearMonth last = YearMonth.from(LocalDate.ofInstant(fixture.clock.instant(), ServiceRules.ZONE)).minusMonths(1);
        for (String user : List.of("clerk-a", "clerk-b", "stats")) {
            login(user);
            String start = page(user.equals("stats") ? "/statistics" : "/issuances");
            assertFalse(start.contains("signoff-alert"), user);
            assertEquals(403, http.get("/audit/signoff?month=" + last).statusCode(), user);
            assertEquals(403, http.post("/audit/signoff", Map.of("month", last.toString(), "findings", "x")).statusCode(), user);
        }
        long rows = fixture.store.database().read(tx -> tx.queryLong("SELECT count(*) FROM log_review_signoff"));
        assertEquals(0, rows);
    }
}
