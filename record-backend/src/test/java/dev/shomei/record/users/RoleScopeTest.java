package dev.shomei.record.users;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.domain.MunicipalityCode;
import org.junit.jupiter.api.Test;

class RoleScopeTest {
    @Test
    void leastPrivilege() {
        assertTrue(Role.CLERK.may(Permission.READ_RECORDS));
        assertTrue(Role.CLERK.may(Permission.ISSUE_CERTIFICATES) && Role.SUPERVISOR.may(Permission.ISSUE_CERTIFICATES),
                "the window clerk issues (issue 21)");
        assertFalse(Role.ADMINISTRATOR.may(Permission.ISSUE_CERTIFICATES) || Role.STATISTICS.may(Permission.ISSUE_CERTIFICATES));
        assertFalse(Role.CLERK.may(Permission.CHANGE_RECORDS));
        assertFalse(Role.CLERK.may(Permission.EXPORT));
        assertTrue(Role.SUPERVISOR.may(Permission.CHANGE_RECORDS) && Role.SUPERVISOR.may(Permission.EXPORT));
        assertFalse(Role.ADMINISTRATOR.may(Permission.READ_RECORDS), "administrators see no personal data");
        assertTrue(Role.ADMINISTRATOR.may(Permission.MANAGE_USERS));
        assertFalse(Role.STATISTICS.may(Permission.READ_RECORDS));
        assertTrue(Role.STATISTICS.may(Permission.VIEW_STATISTICS));
        for (Role role : Role.values()) {
            assertTrue(role == Role.ADMINISTRATOR || !role.may(Permission.MANAGE_USERS));
        }
    }

    @Test
    void scopes() {
        MunicipalityCode bunkyo = MunicipalityCode.of("131059");
        MunicipalityCode osaka = MunicipalityCode.of("271004");
        assertTrue(Scope.NATIONAL.covers(bunkyo));
        assertTrue(new Scope("13").covers(bunkyo));
        assertFalse(new Scope("13").covers(osaka));
        assertTrue(Scope.of(bunkyo).covers(bunkyo));
        assertFalse(Scope.of(bunkyo).covers(osaka));
        assertTrue(new Scope("13").covers(Scope.of(bunkyo)));
        assertFalse(Scope.of(bunkyo).covers(new Scope("13")));
        assertFalse(Scope.of(bunkyo).covers(Scope.NATIONAL));
        assertThrows(ShomeiException.class, () -> new Scope("131058"), "wrong check digit");
        assertThrows(ShomeiException.class, () -> new Scope("99"));
        assertThrows(ShomeiException.class, () -> new Scope("' OR 1=1 --"));
        assertFalse(Role.CLERK.accepts(Scope.NATIONAL));
        assertFalse(Role.STATISTICS.accepts(Scope.of(bunkyo)));
        assertTrue(Role.STATISTICS.accepts(new Scope("13")));
    }
}
