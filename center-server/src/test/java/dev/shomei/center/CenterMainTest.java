package dev.shomei.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.Map;
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

    @Test
    void serveOptionsApplyOverTheSettingsFile() throws Exception {
        CenterSettings file = CenterSettings.load(state.resolve("center/center.yaml"));
        CenterMain.ServeOptions options = CenterMain.ServeOptions.parse(new String[] {"serve", "--demo", "--open-all-day",
                "--line-port", "9420", "--console-port", "0", "--backend", "https://10.0.0.7:8410",
                "--console-client-certificates", "off", "--keys", "/etc/shomei/keys"}, file, state.resolve("pki"));
        assertTrue(options.demo());
        assertTrue(options.openAllDay());
        assertEquals(9420, options.settings().linePort());
        assertEquals(0, options.settings().consolePort());
        assertEquals("https://10.0.0.7:8410", options.settings().backend().baseUri().toString());
        assertEquals(false, options.settings().consoleClientCertificates());
        assertEquals(Path.of("/etc/shomei/keys"), options.keys());

        CenterMain.ServeOptions none = CenterMain.ServeOptions.parse(new String[] {"serve"}, file, state.resolve("pki"));
        assertEquals(false, none.demo());
        assertEquals(8420, none.settings().linePort());
        assertEquals(state.resolve("pki"), none.keys());
    }

    @Test
    void aWrongServeOptionIsNamedAndNothingStarts() throws Exception {
        CenterSettings file = CenterSettings.load(state.resolve("center/center.yaml"));
        Map<String[], String> mistakes = Map.of(
                new String[] {"serve", "--colour", "red"}, "unknown option --colour",
                new String[] {"serve", "--line-port"}, "--line-port needs a value",
                new String[] {"serve", "--line-port", "x"}, "--line-port must be a port number 0..65535",
                new String[] {"serve", "--console-port", "70000"}, "--console-port must be a port number 0..65535",
                new String[] {"serve", "--console-client-certificates", "maybe"}, "--console-client-certificates is required or off");
        mistakes.forEach((args, message) -> assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> CenterMain.ServeOptions.parse(args, file, state)).getMessage()));
    }

    @Test
    void theUsageNamesEveryServeOption() {
        for (String option : List.of("--demo", "--open-all-day", "--line-port", "--console-port", "--backend", "--keys",
                "--console-client-certificates")) {
            assertTrue(CenterMain.USAGE.contains(option), option);
            if (!option.equals("--demo") && !option.equals("--open-all-day")) {
                assertThrows(IllegalArgumentException.class, () -> CenterMain.ServeOptions.parse(
                        new String[] {"serve", option}, CenterSettings.load(state.resolve("center.yaml")), state),
                        "a known option that needs a value: " + option);
            }
        }
    }

    private static String passwordOf(String logins, String user) {
        var m = java.util.regex.Pattern.compile(user + " .*password: (\\S+)").matcher(logins);
        assertTrue(m.find());
        return m.group(1);
    }
}
