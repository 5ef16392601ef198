package dev.shomei.record.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A role change needs a second administrator (issue 18 point 3), on every engine:
 * {@code SqliteRoleChangesTest} and {@code PostgresRoleChangesIT} supply a fresh database per test.
 */
abstract class RoleChangesContract {
    static final Scope BUNKYO = new Scope("131059");
    static final Scope SHINJUKU = new Scope("131041");
    static final LocalDate EXPIRES = LocalDate.of(2026, 3, 31);

    @TempDir
    Path dir;
    RecordStore store;
    final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T01:00:00Z"));
    UserAdministration administration;
    RoleChanges changes;
    final Actor one = admin("admin-one", BUNKYO);
    final Actor two = admin("admin-two", BUNKYO);
    final Actor three = admin("admin-three", BUNKYO);
    final Actor other = admin("admin-other", SHINJUKU);

    /** A fresh database for this test. */
    protected abstract String newDatabaseUrl();

    @BeforeEach
    void open() {
        store = RecordStore.open(newDatabaseUrl(), MasterKeys.defaultFile(dir));
        administration = new UserAdministration(store.database(), store.audit(), new PasswordHasher(new SecureRandom()),
                new SecureRandom(), clock);
        changes = administration.roleChanges();
        for (Actor admin : List.of(one, two, three, other)) {
            bootstrap(admin.userId(), Role.ADMINISTRATOR, admin.scope());
        }
        bootstrap("clerk-1", Role.CLERK, BUNKYO);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void bootstrap(String id, Role role, Scope scope) {
        administration.bootstrap(new NewUser(id, id, role, scope, EXPIRES, false, null, null), "operator");
    }

    private static Actor admin(String id, Scope scope) {
        return new Actor(id, Role.ADMINISTRATOR, scope, "127.0.0.1");
    }

    private ClerkUser propose(Actor actor, String id, Role role) {
        return administration.update(actor, id, id + " 更新", role, EXPIRES, false, null, null);
    }

    private RoleChange waiting(String id) {
        return changes.openFor(one, id).orElseThrow();
    }

    private List<String> audited() {
        return store.database().read(tx -> tx.query("SELECT action || ' ' || actor_id || ' ' || target_id || ' ' || detail "
                + "FROM audit_log WHERE action LIKE '%ROLE_CHANGE' ORDER BY seq", row -> row.getString(1)));
    }

    @Test
    void aRoleChangeWaitsAndOnlyADifferentAdministratorAppliesIt() {
        ClerkUser proposed = propose(one, "clerk-1", Role.SUPERVISOR);
        assertEquals(Role.CLERK, proposed.role(), "nothing changes before the approval");
        assertEquals("clerk-1 更新", proposed.displayName(), "the other details change at once");
        RoleChange change = waiting("clerk-1");
        assertEquals(Role.CLERK, change.fromRole());
        assertEquals(Role.SUPERVISOR, change.toRole());
        assertEquals("admin-one", change.proposedBy());
        assertEquals(List.of(change), changes.open(two));
        assertEquals(List.of(), changes.open(other), "another municipality's administrator does not see it");

        RoleChanges.Refused own = assertThrows(RoleChanges.Refused.class, () -> changes.approve(one, "clerk-1", change.id()));
        assertEquals(RoleChanges.Refused.Why.OWN_PROPOSAL, own.why());
        assertThrows(ShomeiException.class, () -> changes.approve(other, "clerk-1", change.id()), "outside the scope");
        assertEquals(RoleChanges.Refused.Why.WAITING, assertThrows(RoleChanges.Refused.class,
                () -> propose(two, "clerk-1", Role.ADMINISTRATOR)).why(), "one open proposal per id");
        assertEquals(Role.CLERK, administration.find(two, "clerk-1").role());

        assertEquals(Role.SUPERVISOR, changes.approve(two, "clerk-1", change.id()).role());
        assertEquals(Role.SUPERVISOR, administration.find(one, "clerk-1").role());
        assertTrue(changes.openFor(one, "clerk-1").isEmpty());
        assertEquals(RoleChanges.Refused.Why.DECIDED, assertThrows(RoleChanges.Refused.class,
                () -> changes.approve(three, "clerk-1", change.id())).why(), "approved once only");

        assertEquals(List.of(
                "PROPOSE_ROLE_CHANGE admin-one clerk-1 change=" + change.id() + " from=CLERK to=SUPERVISOR proposedBy=admin-one",
                "APPROVE_ROLE_CHANGE admin-two clerk-1 change=" + change.id() + " from=CLERK to=SUPERVISOR proposedBy=admin-one"),
                audited());
        String decision = store.database().read(tx -> tx.queryOne(
                "SELECT decision || ' ' || decided_by FROM clerk_role_change WHERE id = ?", row -> row.getString(1),
                change.id())).orElseThrow();
        assertEquals("APPROVED admin-two", decision);
        assertTrue(store.auditVerifier().verify().intact());
    }

    @Test
    void theIdWhoseRoleChangesHasNoSayAndCannotProposeItsOwn() {
        assertEquals(RoleChanges.Refused.Why.OWN_ROLE, assertThrows(RoleChanges.Refused.class,
                () -> propose(one, "admin-one", Role.SUPERVISOR)).why(), "self-promotion to a role that reads residents");
        assertTrue(changes.openFor(two, "admin-one").isEmpty());
        assertEquals(Role.ADMINISTRATOR, propose(one, "admin-one", Role.ADMINISTRATOR).role(), "the own name may change");

        propose(two, "admin-one", Role.SUPERVISOR);
        RoleChange change = waiting("admin-one");
        assertEquals(RoleChanges.Refused.Why.OWN_ROLE, assertThrows(RoleChanges.Refused.class,
                () -> changes.approve(one, "admin-one", change.id())).why());
        assertEquals(RoleChanges.Refused.Why.OWN_ROLE, assertThrows(RoleChanges.Refused.class,
                () -> changes.reject(one, "admin-one", change.id())).why(), "nor refuse a demotion");
        assertEquals(Role.SUPERVISOR, changes.approve(three, "admin-one", change.id()).role(), "a third administrator may");
    }

    @Test
    void theProposerWithdrawsAndAnotherAdministratorRefuses() {
        propose(one, "clerk-1", Role.SUPERVISOR);
        RoleChange first = waiting("clerk-1");
        assertEquals(RoleChange.Decision.CANCELLED, changes.reject(one, "clerk-1", first.id()));
        assertTrue(changes.openFor(one, "clerk-1").isEmpty());

        propose(one, "clerk-1", Role.ADMINISTRATOR);
        RoleChange second = waiting("clerk-1");
        assertEquals(RoleChanges.Refused.Why.DECIDED, assertThrows(RoleChanges.Refused.class,
                () -> changes.approve(two, "clerk-1", first.id())).why(), "an old form cannot approve the new proposal");
        assertEquals(RoleChange.Decision.REFUSED, changes.reject(two, "clerk-1", second.id()));
        assertEquals(Role.CLERK, administration.find(one, "clerk-1").role());
        List<String> audited = audited();
        assertEquals(4, audited.size());
        assertTrue(audited.get(1).startsWith("CANCEL_ROLE_CHANGE admin-one clerk-1 change=" + first.id()), audited.get(1));
        assertTrue(audited.get(3).startsWith("REFUSE_ROLE_CHANGE admin-two clerk-1 change=" + second.id()), audited.get(3));
        assertFalse(String.join("\n", audited).contains("更新"), "the audit detail holds codes, not names");
        assertTrue(store.auditVerifier().verify().intact());
    }

    @Test
    void aClerkCanNeitherSeeNorDecide() {
        propose(one, "clerk-1", Role.SUPERVISOR);
        RoleChange change = waiting("clerk-1");
        Actor clerk = new Actor("clerk-1", Role.CLERK, BUNKYO, null);
        assertThrows(Actor.ForbiddenException.class, () -> changes.open(clerk));
        assertThrows(Actor.ForbiddenException.class, () -> changes.approve(clerk, "clerk-1", change.id()));
        assertThrows(Actor.ForbiddenException.class, () -> changes.reject(clerk, "clerk-1", change.id()));
    }
}
