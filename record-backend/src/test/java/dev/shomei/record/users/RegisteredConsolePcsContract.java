package dev.shomei.record.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registered clerk console PCs in the database, on every engine ({@code RegisteredConsolePcsTest},
 * {@code RegisteredConsolePcsPostgresIT}): two record stores on one database (two backends) see the
 * same PCs at once; registering and unregistering are audited.
 */
abstract class RegisteredConsolePcsContract {
    @TempDir
    Path dir;

    /** A fresh database for this test. */
    protected abstract String newDatabaseUrl();

    @Test
    void twoBackendsOnOneDatabaseAdmitTheSamePcsAndAWithdrawalReachesBoth() {
        String url = newDatabaseUrl();
        try (RecordStore first = RecordStore.open(url, MasterKeys.defaultFile(dir));
             RecordStore second = RecordStore.open(url, MasterKeys.defaultFile(dir))) {
            RegisteredConsolePcs one = new RegisteredConsolePcs(first.database(), first.audit(), Clock.systemUTC());
            RegisteredConsolePcs two = new RegisteredConsolePcs(second.database(), second.audit(), Clock.systemUTC());
            assertEquals(Set.of(), two.get());
            assertTrue(one.register("bunkyo-pc-1", "installer"));
            assertFalse(two.register("bunkyo-pc-1", "installer"), "registered already");
            assertTrue(two.register("bunkyo-pc-2", "installer"));
            assertEquals(Set.of("bunkyo-pc-1", "bunkyo-pc-2"), one.get());
            assertEquals(List.of("bunkyo-pc-1", "bunkyo-pc-2"), two.list());
            assertTrue(two.unregister("bunkyo-pc-1", "installer"));
            assertEquals(Set.of("bunkyo-pc-2"), one.get(), "withdrawn on the other backend too");
            assertFalse(one.unregister("bunkyo-pc-1", "installer"));
            assertThrows(ShomeiException.class, () -> one.register("pc 1; DROP", "installer"));
            assertThrows(ShomeiException.class, () -> one.register("", "installer"));
            List<String> audited = first.database().read(tx -> tx.query(
                    "SELECT chain || ' ' || actor_type || ' ' || action || ' ' || target_id FROM audit_log "
                    + "WHERE target_type = 'console_pc' ORDER BY seq", row -> row.getString(1)));
            assertEquals(List.of("- OPERATOR REGISTER_CONSOLE_PC bunkyo-pc-1", "- OPERATOR REGISTER_CONSOLE_PC bunkyo-pc-2",
                    "- OPERATOR UNREGISTER_CONSOLE_PC bunkyo-pc-1"), audited);
            assertTrue(first.auditVerifier().verify().intact());
        }
    }
}
