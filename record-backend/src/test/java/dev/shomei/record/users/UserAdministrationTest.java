package dev.shomei.record.users;

import dev.shomei.protocol.otp.Totp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.db.Database;
import dev.shomei.record.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issuing, enrolling, expiring and disabling ids, and the limits of an administrator's scope. */
class UserAdministrationTest {
    @TempDir
    Path dir;
    RecordStore store;
    MutableClock clock = new MutableClock(Instant.parse("2025-04-01T01:00:00Z"));
    UserAdministration administration;
    Authenticator authenticator;
    Enrolment enrolment;

    @BeforeEach
    void open() {
        store = RecordStore.open(Database.defaultUrl(dir), MasterKeys.defaultFile(dir));
        PasswordHasher hasher = new PasswordHasher(new SecureRandom());
        TotpSecrets secrets = new TotpSecrets(store.masterKeys());
        administration = new UserAdministration(store.database(), store.audit(), hasher, new SecureRandom(), clock);
        authenticator = new Authenticator(store.database(), store.audit(), secrets, Totp.standard(), clock);
        enrolment = new Enrolment(store.database(), store.audit(), secrets, Totp.standard(), hasher, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aBootstrappedAdministratorEnrolsThenIssuesIdsInsideTheScopeOnly() {
        LocalDate expires = LocalDate.of(2026, 3, 31);
        UserAdministration.Issued first = administration.bootstrap(new NewUser("root-admin", "管理者", Role.ADMINISTRATOR,
                new Scope("131059"), expires, false, null, null), "operator");
        Authenticator.Result stage = authenticator.login("root-admin", first.initialPassword().toCharArray(), "", "local");
        assertEquals(Authenticator.Outcome.ENROL, stage.outcome());
        byte[] secret = Totp.newSecret(new SecureRandom());
        clock.advance(Duration.ofSeconds(30));
        ClerkUser enrolled = enrolment.complete("root-admin", secret, Totp.standard().code(secret, clock.instant()),
                "Admin-Own-Pass-1".toCharArray(), "Admin-Own-Pass-1".toCharArray(), "local");
        assertFalse(enrolled.mustEnrol());
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Authenticator.Outcome.REFUSED, authenticator.login("root-admin", first.initialPassword().toCharArray(),
                Totp.standard().code(secret, clock.instant()), "local").outcome(), "the initial password is gone");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(Authenticator.Outcome.OK, authenticator.login("root-admin", "Admin-Own-Pass-1".toCharArray(),
                Totp.standard().code(secret, clock.instant()), "local").outcome());

        Actor admin = new Actor("root-admin", Role.ADMINISTRATOR, new Scope("131059"), "127.0.0.1");
        assertThrows(Actor.ForbiddenException.class, () -> administration.create(admin, new NewUser("other-clerk", "x",
                Role.CLERK, new Scope("131041"), expires, false, null, null)), "another municipality");
        assertThrows(ShomeiException.class, () -> administration.create(admin, new NewUser("long-lived", "x",
                Role.CLERK, new Scope("131059"), LocalDate.of(2030, 1, 1), false, null, null)), "more than 3 years");
        assertThrows(ShomeiException.class, () -> administration.disable(admin, "root-admin", DisableReason.OTHER));
        UserAdministration.Issued clerk = administration.create(admin, new NewUser("clerk-1", "職員", Role.CLERK,
                new Scope("131059"), LocalDate.of(2025, 4, 30), false, null, null));
        assertTrue(clerk.user().mustEnrol());
        assertEquals(2, administration.list(admin).size());
        assertThrows(Actor.ForbiddenException.class, () -> administration.list(
                new Actor("clerk-1", Role.CLERK, new Scope("131059"), null)), "clerks manage nobody");

        administration.disable(admin, "clerk-1", DisableReason.RETIREMENT);
        assertEquals(Authenticator.Outcome.REFUSED, authenticator.login("clerk-1", clerk.initialPassword().toCharArray(), "",
                "local").outcome());
        administration.enable(admin, "clerk-1");
        assertEquals(Authenticator.Outcome.ENROL, authenticator.login("clerk-1", clerk.initialPassword().toCharArray(), "",
                "local").outcome());
        clock.advance(Duration.ofDays(31)); // past the expiry
        assertEquals(Authenticator.Outcome.REFUSED, authenticator.login("clerk-1", clerk.initialPassword().toCharArray(), "",
                "local").outcome());
        assertTrue(store.auditVerifier().verify().intact());
        long disables = store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM audit_log WHERE action = 'DISABLE_USER' AND detail LIKE 'reason=RETIREMENT%'"));
        assertEquals(1, disables);
        long expired = store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM audit_log WHERE action = 'LOGIN' AND detail = 'reason=EXPIRED'"));
        assertEquals(1, expired);
    }

    @Test
    void anAdministratorCannotChangeTheirOwnRoleButASecondOneCanProposeIt() {
        LocalDate expires = LocalDate.of(2026, 3, 31);
        Scope scope = new Scope("131059");
        administration.bootstrap(new NewUser("admin-one", "管理者1", Role.ADMINISTRATOR, scope, expires, false, null, null),
                "operator");
        administration.bootstrap(new NewUser("admin-two", "管理者2", Role.ADMINISTRATOR, scope, expires, false, null, null),
                "operator");
        Actor one = new Actor("admin-one", Role.ADMINISTRATOR, scope, "127.0.0.1");
        Actor two = new Actor("admin-two", Role.ADMINISTRATOR, scope, "127.0.0.1");
        ShomeiException refused = assertThrows(ShomeiException.class, () -> administration.update(one, "admin-one", "管理者1",
                Role.SUPERVISOR, expires, false, null, null), "self-promotion to a role that reads residents");
        assertTrue(refused.getMessage().contains("own role"), refused.getMessage());
        assertEquals(Role.ADMINISTRATOR, administration.find(two, "admin-one").role(), "nothing changed");
        assertEquals(Role.ADMINISTRATOR, administration.update(one, "admin-one", "管理者 一", Role.ADMINISTRATOR, expires,
                false, null, null).role(), "the own name may change");
        assertEquals(Role.ADMINISTRATOR, administration.update(two, "admin-one", "管理者1", Role.SUPERVISOR, expires, false,
                null, null).role(), "a second administrator may propose it; it waits for approval (RoleChangesContract)");
        assertEquals(Role.SUPERVISOR, administration.roleChanges().openFor(two, "admin-one").orElseThrow().toRole());
    }
}
