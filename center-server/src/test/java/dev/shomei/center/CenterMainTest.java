package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.registry.Terminal;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CenterMainTest {
    @TempDir
    Path state;

    @Test
    void firstRunRegistersDemoTerminalsAndWritesPrivateDemoLogins() throws Exception {
        Path dir = state.resolve("center");
        CenterMain.firstRun(dir);

        TerminalRegistry registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        assertEquals(List.of("K0001", "K0002", "K0003", "K0004"), registry.all().stream().map(Terminal::id).toList());
        assertTrue(registry.all().stream().allMatch(Terminal::enabled));
        assertEquals(DevPki.DEMO_TERMINALS, CenterMain.DEMO_TERMINALS,
                "./shomei pki makes the certificates of exactly the terminals the center registers");
        assertTrue(Files.notExists(state.resolve("pki")), "the center creates no keys");

        Path logins = dir.resolve("demo-logins.txt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logins)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("operators.json"))));
        String text = Files.readString(logins);
        OperatorAccounts accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), 1000);
        assertEquals(Role.ADMIN, accounts.find("admin").orElseThrow().role());
        assertEquals(Role.OPERATOR, accounts.find("operator").orElseThrow().role());
        assertTrue(text.contains(accounts.find("admin").orElseThrow().totpSecret()), "the file names the admin's TOTP secret");
        assertTrue(!Files.readString(dir.resolve("operators.json")).contains(passwordOf(text, "admin")),
                "passwords are stored hashed only");

        CenterMain.firstRun(dir);
        assertEquals(text, Files.readString(logins), "a second run changes nothing");
    }

    @Test
    void settingsFileIsWrittenWithDefaultsAndReadBack() throws Exception {
        Path file = state.resolve("center/center.yaml");
        CenterSettings defaults = CenterSettings.load(file);
        assertEquals(8420, defaults.linePort());
        assertEquals(8421, defaults.consolePort());
        assertTrue(defaults.consoleClientCertificates(), "registered PCs only, unless turned off for the demo");
        assertEquals("https://127.0.0.1:8410", defaults.backend().baseUri().toString());
        assertEquals(Duration.ofSeconds(8), defaults.backend().deadline());
        assertEquals(Duration.ofMinutes(15), defaults.reconcileAfter());
        assertEquals(dev.shomei.card.data.TrustedCardKeys.Profile.PRODUCTION, defaults.cardTrust());
        assertEquals("jlis-trust.pem", defaults.cardTrustKeys());

        Files.writeString(file, Files.readString(file).replace("port: 8420", "port: 9420")
                .replace("reconcile-after: 15m", "reconcile-after: 2m").replace("card-trust: production", "card-trust: test"));
        CenterSettings changed = CenterSettings.load(file);
        assertEquals(9420, changed.linePort());
        assertEquals(Duration.ofMinutes(2), changed.reconcileAfter());
        assertEquals(dev.shomei.card.data.TrustedCardKeys.Profile.TEST, changed.cardTrust());
    }

    private static String passwordOf(String logins, String user) {
        var m = java.util.regex.Pattern.compile(user + " .*password: (\\S+)").matcher(logins);
        assertTrue(m.find());
        return m.group(1);
    }
}
