package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The users page's two-administrator role change over HTTPS (issue 18 point 3): a changed role waits
 * until a different administrator approves it; the proposer and the id itself cannot approve; the
 * proposer withdraws, another administrator refuses; the new role works from the next login.
 */
class ClerkConsoleRoleChangeIT extends ConsoleHttpIT {
    private static final Pattern CHANGE = Pattern.compile("name=\"change\" value=\"([^\"]+)\"");

    @BeforeEach
    void start() {
        fixture.addUser("admin-a2", Role.ADMINISTRATOR, Scope.of(ConsoleFixture.A), "NBSWY3DPO5XXE3DENBSWY3DPO5XXE3DE");
    }

    private HttpResponse<byte[]> changeRole(String id, Role role) throws Exception {
        page("/users/" + id);
        return http.post("/users/" + id, Map.of("displayName", id + " (test)", "role", role.name(),
                "expires", LocalDate.now().plusMonths(6).toString()));
    }

    private String role(String id) {
        return fixture.store.database().read(tx -> tx.queryOne("SELECT role FROM clerk_user WHERE id = ?",
                row -> row.getString(1), id)).orElseThrow();
    }

    private static String changeId(String html) {
        Matcher matcher = CHANGE.matcher(html);
        assertTrue(matcher.find(), "a decision form for the open change");
        return matcher.group(1);
    }

    @Test
    void aSecondAdministratorApprovesAndTheNewRoleWorksFromTheNextLogin() throws Exception {
        login("admin-a");
        assertEquals(303, changeRole("clerk-a", Role.SUPERVISOR).statusCode());
        assertEquals("CLERK", role("clerk-a"), "waiting, not applied");
        String own = page("/users/clerk-a");
        assertTrue(own.contains("承認待ちの役割変更") && own.contains("あなたの申請です"), own);
        assertFalse(own.contains("/role-change/approve"), "no approve button for the proposer");
        HttpResponse<byte[]> selfApproval = http.post("/users/clerk-a/role-change/approve", Map.of("change", changeId(own)));
        assertEquals(400, selfApproval.statusCode());
        assertTrue(text(selfApproval).contains("自分で申請した役割変更は承認できません"));
        assertEquals("CLERK", role("clerk-a"));

        login("clerk-a");
        assertEquals(403, http.get("/export").statusCode());

        login("admin-a2");
        String list = page("/users");
        assertTrue(list.contains("承認待ちの役割変更") && list.contains("責任者（訂正・出力）"), list);
        assertTrue(list.contains("/users/clerk-a/role-change/approve"));
        assertEquals(303, http.post("/users/clerk-a/role-change/approve", Map.of("change", changeId(list))).statusCode());
        assertEquals("SUPERVISOR", role("clerk-a"));
        assertFalse(page("/users").contains("承認待ちの役割変更"), "decided: nothing waits");

        login("clerk-a");
        assertEquals(200, http.get("/export").statusCode(), "the approved role applies");

        List<String> audited = fixture.store.database().read(tx -> tx.query(
                "SELECT action || ' ' || actor_id || ' ' || target_id FROM audit_log WHERE action LIKE '%ROLE_CHANGE' ORDER BY seq",
                row -> row.getString(1)));
        assertEquals(List.of("PROPOSE_ROLE_CHANGE admin-a clerk-a", "APPROVE_ROLE_CHANGE admin-a2 clerk-a"), audited);
        login("admin-a");
        String audit = page("/audit?action=APPROVE_ROLE_CHANGE");
        assertTrue(audit.contains("役割変更の承認"), "the audit page names the step in Japanese");
        assertTrue(audit.contains("職員（閲覧・窓口交付） → 責任者（訂正・出力） <small class=\"code\">change="), "roles in words, codes small");
    }

    @Test
    void theIdItselfCannotDecideAndTheProposerWithdrawsWhileAnotherRefuses() throws Exception {
        login("admin-a2");
        assertEquals(303, changeRole("admin-a", Role.SUPERVISOR).statusCode());
        HttpResponse<byte[]> busy = changeRole("admin-a", Role.CLERK);
        assertEquals(400, busy.statusCode());
        assertTrue(text(busy).contains("承認待ちの役割変更があります"));

        login("admin-a");
        String mine = page("/users/admin-a");
        assertTrue(mine.contains("あなた自身の役割の変更です"), mine);
        assertFalse(page("/users").contains("/users/admin-a/role-change/"), "no decision buttons on the own role");
        String change = fixture.store.database().read(tx -> tx.queryOne(
                "SELECT id FROM clerk_role_change WHERE user_id = 'admin-a'", row -> row.getString(1))).orElseThrow();
        HttpResponse<byte[]> self = http.post("/users/admin-a/role-change/approve", Map.of("change", change));
        assertEquals(400, self.statusCode());
        assertTrue(text(self).contains("自分自身の役割は変更も承認もできません"));
        assertEquals(400, http.post("/users/admin-a/role-change/reject", Map.of("change", change)).statusCode());
        HttpResponse<byte[]> ownRole = changeRole("admin-a", Role.SUPERVISOR);
        assertEquals(400, ownRole.statusCode(), "nor propose it");
        assertEquals("ADMINISTRATOR", role("admin-a"));

        login("admin-a2");
        page("/users/admin-a");
        assertEquals(303, http.post("/users/admin-a/role-change/reject", Map.of("change", change)).statusCode());
        HttpResponse<byte[]> gone = http.post("/users/admin-a/role-change/approve", Map.of("change", change));
        assertEquals(400, gone.statusCode());
        assertTrue(text(gone).contains("すでに承認・却下・取り下げされています"));

        assertEquals(303, changeRole("clerk-a", Role.SUPERVISOR).statusCode());
        login("admin-a");
        String refuse = page("/users/clerk-a");
        assertEquals(303, http.post("/users/clerk-a/role-change/reject", Map.of("change", changeId(refuse))).statusCode());
        assertEquals("CLERK", role("clerk-a"));
        assertEquals("ADMINISTRATOR", role("admin-a"));
        List<String> decisions = fixture.store.database().read(tx -> tx.query(
                "SELECT user_id || ' ' || decision || ' ' || decided_by FROM clerk_role_change ORDER BY proposed_at, user_id",
                row -> row.getString(1)));
        assertEquals(List.of("admin-a CANCELLED admin-a2", "clerk-a REFUSED admin-a"), decisions);
        assertEquals(403, http.post("/users/clerk-a/role-change/approve", Map.of("change", "x"), false).statusCode(),
                "still a CSRF-checked POST");
    }
}
