package dev.shomei.record.users;

import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.record.RecordStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Demo console users with known passwords and TOTP secrets (invented; for the demo only), written
 * to {@code <state>/backend/demo-logins.txt} with mode 0600. Idempotent: existing ids are left as
 * they are.
 */
public final class DemoLogins {
    /** One demo login: id, password and the base32 TOTP secret to put into an authenticator app. */
    public record DemoLogin(String id, String displayName, Role role, Scope scope, String password, String totpSecretBase32) {
        @Override
        public String toString() {
            return "DemoLogin[" + id + ", " + role + "]";
        }
    }

    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("bunkyo-clerk", "文京区 窓口職員（デモ）", Role.CLERK, new Scope("131059"),
                    "Demo-Clerk-131059", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
            new DemoLogin("bunkyo-supervisor", "文京区 係長（デモ）", Role.SUPERVISOR, new Scope("131059"),
                    "Demo-Supervisor-131059", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"),
            new DemoLogin("bunkyo-admin", "文京区 管理者（デモ）", Role.ADMINISTRATOR, new Scope("131059"),
                    "Demo-Admin-131059", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"),
            new DemoLogin("national-stats", "国 統計担当（デモ）", Role.STATISTICS, Scope.NATIONAL,
                    "Demo-Statistics-000", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));

    private DemoLogins() {
    }

    /**
     * Creates the demo users that are missing and writes the logins file; returns how many were
     * created. Call it from the demo set-up after the record store is open.
     */
    public static int ensure(RecordStore store, Path stateDir) {
        UserAdministration administration = new UserAdministration(store.database(), store.audit(),
                new PasswordHasher(new SecureRandom()), new SecureRandom(), Clock.systemUTC());
        TotpSecrets secrets = new TotpSecrets(store.masterKeys());
        LocalDate expires = LocalDate.now(ServiceRules.ZONE).plusYears(1);
        int created = 0;
        for (DemoLogin login : LOGINS) {
            NewUser user = new NewUser(login.id(), login.displayName(), login.role(), login.scope(), expires, false, null, null);
            if (administration.createEnrolled(user, login.password().toCharArray(), Base32.decode(login.totpSecretBase32()),
                    secrets, "demo-logins")) {
                created++;
            }
        }
        write(stateDir.resolve("backend").resolve("demo-logins.txt"));
        return created;
    }

    private static void write(Path file) {
        StringBuilder text = new StringBuilder("""
                # Demo logins of the clerk console (https://127.0.0.1:8411/). Invented; demo only.
                # Put the TOTP secret into an authenticator app (or: oathtool --totp -b SECRET).
                # id  password  totp-secret  role  scope
                """);
        Totp totp = Totp.standard();
        for (DemoLogin login : LOGINS) {
            text.append(login.id()).append("  ").append(login.password()).append("  ").append(login.totpSecretBase32())
                    .append("  ").append(login.role()).append("  ").append(login.scope()).append('\n')
                    .append("#   ").append(totp.enrolmentUri("shomei clerk console", login.id(),
                            Base32.decode(login.totpSecretBase32()))).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".demo-logins", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
    }
}
