package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.console.ConsoleContext;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String username, String typed) {
        return FirstAdmin.run(dir, username, null, new BufferedReader(new StringReader(typed)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private OperatorAccounts accounts() {
        return new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), 1000);
    }

    @Test
    void aProductionCenterWithoutAnAccountIsRefusedUntilTheFirstAdministratorIsMade() throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> FirstAdmin.requireAccounts(dir));
        assertTrue(refused.getMessage().contains("center first-admin"), refused.getMessage());

        assertEquals(0, run("sato", "Winter-Morning-2026\n"), err::toString);
        FirstAdmin.requireAccounts(dir);
        assertEquals(Role.ADMIN, accounts().find("sato").orElseThrow().role());
        String secret = accounts().find("sato").orElseThrow().totpSecret();
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(secret), "the secret is shown once on the terminal");
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Winter-Morning-2026"), "never the password");
        assertFalse(Files.exists(dir.resolve("demo-logins.txt")), "no file holds a login");
        assertFalse(Files.readString(dir.resolve("operators.json")).contains("Winter-Morning-2026"), "stored hashed");
        assertTrue(Files.readString(dir.resolve(ConsoleContext.OPERATOR_AUDIT_FILE)).contains("CREATE_OPERATOR"),
                "the audit trail starts with it");
    }

    @Test
    void onlyTheVeryFirstAccountIsMadeThisWay() {
        assertEquals(0, run("sato", "Winter-Morning-2026\n"));
        assertEquals(2, run("suzuki", "Summer-Evening-2026\n"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("exist already"));
        assertTrue(accounts().find("suzuki").isEmpty());
    }

    @Test
    void aWeakPasswordABadNameOrNoPasswordCreatesNothing() {
        assertEquals(2, run("sato", "lettersonlylettersonly\n"), "the console's password rule");
        assertEquals(2, run("Sato!", "Winter-Morning-2026\n"));
        assertEquals(2, run("sato", ""));
        assertTrue(accounts().isEmpty());
    }
}
