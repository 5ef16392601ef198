package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Database;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.testing.MutableClock;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Role;
import dev.shomei.record.users.Scope;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services behind the clerks' record work (issue 21), without HTTP: the audit detail of a hand
 * change, the roles each service demands, the two-person rule of the review sign-off and the request
 * rules. The console ITs drive the same through the pages.
 */
class ClerkRecordWorkTest {
    @TempDir
    Path dir;
    RecordStore store;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
    final Actor supervisor = new Actor("sup", Role.SUPERVISOR, Scope.of(TestData.BUNKYO), "test");
    final Actor clerk = new Actor("clerk", Role.CLERK, Scope.of(TestData.BUNKYO), "test");
    final Actor statistics = new Actor("stats", Role.STATISTICS, Scope.NATIONAL, "test");
    ClerkEntries entries;
    ReviewSignOffs signOffs;
    ResidentRequests requests;

    @BeforeEach
    void open() {
        store = RecordStore.open(Database.defaultUrl(dir), MasterKeys.defaultFile(dir));
        store.ensureMunicipality(BuiltInMunicipalities.find(TestData.BUNKYO).orElseThrow(), "OPERATOR", "test");
        ConsoleAudit audit = new ConsoleAudit(store.database(), store.audit());
        entries = new ClerkEntries(store.database(), store.keyring(), VaccineCatalog.standard(), audit, clock);
        signOffs = new ReviewSignOffs(store.database(), audit, clock);
        requests = new ResidentRequests(store.database(), store.keyring(), audit, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ClerkEntries.NewResident resident(String atena, String myNumber) {
        return new ClerkEntries.NewResident(atena, myNumber, "試験", "一郎", "", "", "1970-01-01", "1", "");
    }

    @Test
    void theAuditDetailNamesReasonAndFieldsAndSealsValuesAndNote() {
        TenantCipher tenant = store.database().read(tx -> store.keyring().cipher(tx, TestData.BUNKYO));
        String detail = ClerkEntries.detail(tenant, "r1", ChangeReason.ENTRY_ERROR, List.of("lot", "ticket"),
                Map.of("lot", "OLD-1"), "電話で確認");
        assertTrue(detail.startsWith("reason=ENTRY_ERROR fields=lot,ticket previous=sealed:"), detail);
        assertFalse(detail.contains("OLD-1") || detail.contains("電話"), detail);
        assertEquals(Map.of("lot", "OLD-1", "note", "電話で確認"), PreviousValues.open(tenant, "r1", detail).orElseThrow());
        assertEquals("reason=MOVED_IN fields=atena", ClerkEntries.detail(tenant, "r1", ChangeReason.MOVED_IN,
                List.of("atena"), Map.of(), ""), "no note, nothing sealed");
        assertTrue(ClerkEntries.detail(tenant, "r1", ChangeReason.OTHER, List.of(), Map.of(), "x").contains(" note=sealed:"));
        assertEquals("entry.bad.reason", assertThrows(BadInput.class, () -> ChangeReason.parse("BECAUSE")).messageKey());
        assertEquals("change.bad.note", assertThrows(BadInput.class, () -> ClerkEntries.checkNote("a\u0007b")).messageKey());
    }

    @Test
    void onlyASupervisorOfAMunicipalityRegistersAndTheMyNumberIsUniqueThere() {
        String number = TestData.myNumber("42424242424").digits();
        for (Actor nobody : List.of(clerk, statistics)) {
            assertThrows(Actor.ForbiddenException.class, () -> entries.addResident(nobody, resident("A-1", number),
                    "MOVED_IN", ""));
            assertThrows(Actor.ForbiddenException.class, () -> entries.expired(nobody, 10));
        }
        String id = entries.addResident(supervisor, resident("A-1", number), "MOVED_IN", "");
        assertEquals(36, id.length());
        assertEquals("entry.bad.myNumberTaken", assertThrows(BadInput.class,
                () -> entries.addResident(supervisor, resident("A-2", number), "MOVED_IN", "")).messageKey());
        assertEquals("entry.bad.atenaTaken", assertThrows(BadInput.class, () -> entries.addResident(supervisor,
                resident("A-1", TestData.myNumber("31313131313").digits()), "MOVED_IN", "")).messageKey());
        assertEquals("entry.bad.site", assertThrows(BadInput.class, () -> entries.addDose(supervisor, id,
                new ClerkEntries.NewDose("1", new DoseForm.Typed("2021-08-01", "comirnaty", "L1", "T1"), ""), "MISSING_RECORD", "")).messageKey());
        assertEquals("change.bad.date", assertThrows(BadInput.class, () -> entries.addDose(supervisor, id,
                new ClerkEntries.NewDose("1", new DoseForm.Typed("2026-03-11", "comirnaty", "L1", "T1"), "S"), "MISSING_RECORD", "")).messageKey(),
                "not after today");
    }

    @Test
    void aMonthIsSignedOffByTwoDifferentPeopleOnceItIsOver() {
        Actor administrator = new Actor("adm", Role.ADMINISTRATOR, Scope.of(TestData.BUNKYO), "test");
        YearMonth february = YearMonth.of(2026, 2);
        assertTrue(signOffs.previousMonthMissing(supervisor));
        assertEquals("signoff.bad.month", assertThrows(BadInput.class,
                () -> signOffs.signOff(supervisor, YearMonth.of(2026, 3), "ok")).messageKey());
        assertEquals("signoff.bad.findings", assertThrows(BadInput.class,
                () -> signOffs.signOff(supervisor, february, "  ")).messageKey());
        assertEquals(1, signOffs.signOff(supervisor, february, "問題なし"));
        assertEquals("signoff.bad.twice", assertThrows(BadInput.class,
                () -> signOffs.signOff(supervisor, february, "again")).messageKey());
        assertTrue(signOffs.previousMonthMissing(administrator));
        assertEquals(2, signOffs.signOff(administrator, february, "同意"));
        assertFalse(signOffs.previousMonthMissing(supervisor));
        for (Actor nobody : List.of(clerk, statistics)) {
            assertThrows(Actor.ForbiddenException.class, () -> signOffs.signOff(nobody, february, "x"));
        }
        // a national administrator reviews the system chain: its months are its own
        Actor national = new Actor("root", Role.ADMINISTRATOR, Scope.NATIONAL, "test");
        assertTrue(signOffs.previousMonthMissing(national));
    }

    @Test
    void aRequestNeedsKindReceiptAndAnOutcomeWhenDone() {
        String id = entries.addResident(supervisor, resident("A-1", TestData.myNumber("42424242424").digits()), "MOVED_IN", "");
        assertEquals("request.bad.receipt", assertThrows(BadInput.class,
                () -> requests.receive(supervisor, id, "DISCLOSURE", "2026-03-10", "受付1", "")).messageKey());
        assertEquals("request.bad.kind", assertThrows(BadInput.class,
                () -> requests.receive(supervisor, id, "DELETE", "2026-03-10", "R-1", "")).messageKey());
        assertEquals("request.bad.received", assertThrows(BadInput.class,
                () -> requests.receive(supervisor, id, "DISCLOSURE", "2026-03-11", "R-1", "")).messageKey());
        assertThrows(Actor.ForbiddenException.class, () -> requests.receive(clerk, id, "DISCLOSURE", "2026-03-10", "R-1", ""));
        String request = requests.receive(supervisor, id, "SUSPENSION", "2026-03-10", "R-1", "");
        assertEquals("request.bad.outcomeMissing", assertThrows(BadInput.class,
                () -> requests.handle(supervisor, id, request, "DONE", "", "")).messageKey());
        requests.handle(supervisor, id, request, "DONE", "REFUSED", "法定の事由に該当しない");
        assertEquals("REFUSED", requests.ofResident(clerk, id).getFirst().outcome());
        assertEquals("法定の事由に該当しない", requests.ofResident(clerk, id).getFirst().handling());
        assertTrue(requests.open(clerk, 10).isEmpty());
        assertThrows(Actor.ForbiddenException.class, () -> requests.open(statistics, 10));
    }
}
