package dev.shomei.record.users;

import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.db.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoLoginsTest {
    @TempDir
    Path state;

    @Test
    void createsTheDemoUsersOnceWritesThemPrivatelyAndTheyCanLogIn() throws Exception {
        try (RecordStore store = RecordStore.open(Database.defaultUrl(state), MasterKeys.defaultFile(state))) {
            assertEquals(4, DemoLogins.ensure(store, state));
            assertEquals(0, DemoLogins.ensure(store, state), "idempotent");
            Path file = state.resolve("backend").resolve("demo-logins.txt");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String text = Files.readString(file);
            for (DemoLogins.DemoLogin login : DemoLogins.LOGINS) {
                assertTrue(text.contains(login.id() + "  " + login.password() + "  " + login.totpSecretBase32()), login.id());
            }
            DemoLogins.DemoLogin clerk = DemoLogins.LOGINS.getFirst();
            assertEquals(Role.CLERK, clerk.role());
            assertEquals("131059", clerk.scope().value());
            Instant now = Instant.now();
            Authenticator authenticator = new Authenticator(store.database(), store.audit(), new TotpSecrets(store.masterKeys()),
                    Totp.standard(), Clock.fixed(now, java.time.ZoneOffset.UTC));
            Authenticator.Result result = authenticator.login(clerk.id(), clerk.password().toCharArray(),
                    Totp.standard().code(Base32.decode(clerk.totpSecretBase32()), now), "127.0.0.1");
            assertEquals(Authenticator.Outcome.OK, result.outcome());
            assertEquals(Role.CLERK, result.user().role());
            assertTrue(store.auditVerifier().verify().intact());
        }
    }
}
