package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.center.CardTrustFile;
import dev.shomei.center.CenterSettings;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.CaKeyGuard;
import dev.shomei.protocol.pki.KeyDirectory;
import dev.shomei.record.generate.DemoData.DemoResident;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Production mode through real processes: backend, center and two headless kiosks started from
 * provisioned key directories only (each holding its own key, its chain and the CA certificate,
 * never a CA key; the kiosks' keys made by {@code ./shomei pki csr} and signed with
 * {@code ./shomei pki sign} on the "CA machine", here {@code <state>/pki}). The center trusts a
 * stand-in J-LIS production key the test makes, so a card signed by the dev key is refused; a
 * replaced (revoked) kiosk certificate is refused; another terminal's outcome is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNKYO = "131059";
    private static final Duration TIMEOUT = SystemStack.COMMAND_TIMEOUT;

    private Path state;
    private Launcher launcher;
    private final List<Process> processes = new ArrayList<>();
    private final int apiPort = Ports.free();
    private final int jwksPort = Ports.free();
    private final int linePort = Ports.free();
    private final int operatorPort = Ports.free();
    private KeyPair jlisStandIn;
    private Path ca;
    private Path kiosk;
    private String printedTransaction;

    @BeforeAll
    void provisionAndStart() throws Exception {
        state = Files.createTempDirectory("shomei-production-");
        launcher = new Launcher(state);
        ok(launcher.run(TIMEOUT, "pki")); // the CA machine's folder: no component below reads it
        ok(launcher.run(TIMEOUT, "backend", "demo-data", "--residents", "20"));
        ca = state.resolve("pki");

        Path backendKeys = copy(state.resolve("keys/backend"), "ca.crt", "backend-server.crt", "backend-server.key",
                "center-client.crt", "shc/issuer-1.key", "shc/issuer-1.pub", "shc/issuer-1.rid", "vds/signer.crt", "vds/signer.key");
        Path centerKeys = copy(state.resolve("keys/center"), "ca.crt", "center-server.crt", "center-server.key",
                "center-client.crt", "center-client.key");
        kiosk = provisionKiosk("K0105", state.resolve("keys/kiosk-K0105"));
        for (Path dir : List.of(backendKeys, centerKeys, kiosk)) {
            assertEquals(List.of(), CaKeyGuard.caPrivateKeys(dir), "no CA key in " + dir);
        }

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        jlisStandIn = rsa.generateKeyPair();
        Path centerDir = state.resolve("center");
        Files.createDirectories(centerDir);
        OpenAllDay.write(centerDir);
        Files.writeString(centerDir.resolve(CenterSettings.FILE_NAME), CenterSettings.DEFAULT_YAML
                .replace("attempt-timeout: 3s", "attempt-timeout: 20s").replace("deadline: 8s", "deadline: 60s"));
        Files.writeString(centerDir.resolve("jlis-trust.pem"), CardTrustFile.format("5000033/001", jlisStandIn.getPublic()));
        ok(launcher.run(TIMEOUT, "center", "enrol", "--terminal", "K0105", "--certificate",
                kiosk.resolve("terminals/K0105.crt").toString(), "--label", "Store 105"));

        Launcher.Result withCaKey = launcher.run(TIMEOUT, "center", "serve", "--keys", ca.toString(),
                "--line-port", String.valueOf(linePort), "--console-port", String.valueOf(operatorPort));
        assertEquals(2, withCaKey.exitCode(), withCaKey::stdout);
        assertTrue(withCaKey.stderr().contains("CA private key"), withCaKey::stderr);
        Launcher.Result noAccount = launcher.run(TIMEOUT, "center", "serve", "--keys", centerKeys.toString(),
                "--line-port", String.valueOf(linePort), "--console-port", String.valueOf(operatorPort));
        assertEquals(2, noAccount.exitCode(), noAccount::stdout);
        assertTrue(noAccount.stderr().contains("first-admin"), noAccount::stderr);
        Launcher.Result openAllDay = launcher.run(TIMEOUT, "center", "serve", "--open-all-day", "--keys",
                centerKeys.toString(), "--line-port", String.valueOf(linePort), "--console-port", String.valueOf(operatorPort));
        assertEquals(2, openAllDay.exitCode(), openAllDay::stdout);
        assertTrue(openAllDay.stderr().contains("allowed only with --demo"), openAllDay::stderr);
        Launcher.Result admin = launcher.runWithInput(TIMEOUT, "Winter-Morning-2026\n", "center", "first-admin",
                "--username", "sato", "--password-stdin");
        assertEquals(0, admin.exitCode(), admin::stderr);
        assertTrue(admin.stdout().contains("otpauth://totp/"), admin::stdout);
        assertFalse(Files.exists(centerDir.resolve("demo-logins.txt")), "a production center writes no login file");

        Process backend = launcher.start("backend", "backend", "serve", "--keys", backendKeys.toString(),
                "--api-port", String.valueOf(apiPort), "--console-port", String.valueOf(jwksPort), "--public-port", "0",
                "--issuer", "https://127.0.0.1:" + jwksPort);
        processes.add(backend);
        Ports.awaitListening(apiPort, backend, SystemStack.START_TIMEOUT, "backend");
        Process center = launcher.start("center", "center", "serve", "--keys", centerKeys.toString(),
                "--line-port", String.valueOf(linePort), "--console-port", String.valueOf(operatorPort),
                "--backend", "https://127.0.0.1:" + apiPort);
        processes.add(center);
        Ports.awaitListening(linePort, center, SystemStack.START_TIMEOUT, "center");
    }

    @AfterAll
    void stop() throws Exception {
        for (Process process : processes.reversed()) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (state != null) {
            TreeDeleter.copy(launcher.logs(), Path.of("target", "system-logs", getClass().getSimpleName()));
            TreeDeleter.delete(state); // the test's CA and every provisioned key with it
        }
    }

    @Test
    @Order(1)
    void aProvisionedKioskIssuesWithACardOfTheTrustedHierarchy() throws Exception {
        JsonNode result = issue(productionCard(DemoResidents.get(0)), kiosk, "K0105", "tray-1");
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        printedTransaction = result.path("transactionId").asText();
    }

    @Test
    @Order(2)
    void aForgedDevCardIsRefusedByAProductionCenter() throws Exception {
        Path devCard = DemoResidents.card(launcher, DemoResidents.get(0), "1234", 3); // signed by jlis-dev.key
        JsonNode result = issue(devCard, kiosk, "K0105", "tray-2");
        assertEquals("REFUSED", result.path("result").asText(), result::toString);
        assertEquals("CARD_DATA_INVALID", result.path("error").asText(), result::toString);
    }

    @Test
    @Order(3)
    void anOutcomeFromAnotherTerminalIsRefused() throws Exception {
        Path other = provisionKiosk("K0106", state.resolve("keys/kiosk-K0106"));
        ok(launcher.run(TIMEOUT, "center", "enrol", "--terminal", "K0106", "--certificate",
                other.resolve("terminals/K0106.crt").toString()));
        Thread.sleep(3000); // the center re-reads terminals.json within 2 s
        KeyDirectory keys = KeyDirectory.open(other);
        try (LineCenterLink link = new LineCenterLink(CenterAddress.parseList("127.0.0.1:" + linePort),
                LineTls.clientContext(keys.terminal("K0106"), keys.rootCaPem()), "K0106", "test/1", Duration.ofSeconds(30))) {
            assertTrue(link.municipalities().size() > 0, "K0106 itself is let in");
            ShomeiException refused = assertThrows(ShomeiException.class,
                    () -> link.reportOutcome(PrintOutcome.printed(printedTransaction)));
            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
        }
        assertTrue(Files.readString(launcher.logs().resolve("backend.log")).contains("made by K0105: refused"),
                "the backend refused it too (the center had forgotten the printed issuance)");
    }

    /** The fee has one source, the backend's record: a PRINTED reporting another amount changes nothing and alerts. */
    @Test
    @Order(4)
    void aPrintedReportOfAnotherAmountIsRefused() throws Exception {
        KeyDirectory keys = KeyDirectory.open(kiosk);
        CardFiles card = new CardFactory(jlisStandIn, KeyId.parse("5000033/001")).files(cardPerson(DemoResidents.get(1)));
        try (LineCenterLink link = new LineCenterLink(CenterAddress.parseList("127.0.0.1:" + linePort),
                LineTls.clientContext(keys.terminal("K0105"), keys.rootCaPem()), "K0105", "test/1", Duration.ofSeconds(30))) {
            IssueResponse issued = link.issue(new IssueRequest("fee-check-1", BUNKYO, CertificateType.DOMESTIC, 1,
                    Language.JA, card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004()));
            issued.wipe();
            assertTrue(issued.feeYen() > 0, "the demo municipality charges a fee");
            ShomeiException refused = assertThrows(ShomeiException.class,
                    () -> link.reportOutcome(PrintOutcome.printed("fee-check-1", issued.feeYen() - 10)));
            assertEquals(ErrorCode.FEE_MISMATCH, refused.code());
            link.reportOutcome(PrintOutcome.printed("fee-check-1", issued.feeYen())); // the right amount is taken
        }
        assertTrue(Files.readString(launcher.logs().resolve("backend.log")).contains("yen charged, the recorded fee is"),
                "the backend refused the amount");
        assertTrue(Files.readString(launcher.logs().resolve("center.log")).contains("refused: FEE_MISMATCH"),
                "the center refused it to the kiosk and raised the alert");
    }

    @Test
    @Order(5)
    void aReplacedKiosksStolenCertificateIsRefused() throws Exception {
        Path stolen = kiosk;
        Path replacement = provisionKiosk("K0105", state.resolve("keys/kiosk-K0105-new"));
        ok(launcher.run(TIMEOUT, "center", "enrol", "--terminal", "K0105", "--certificate",
                replacement.resolve("terminals/K0105.crt").toString()));
        Thread.sleep(3000);
        JsonNode refused = issue(productionCard(DemoResidents.get(0)), stolen, "K0105", "tray-3");
        assertNotEquals("PRINTED", refused.path("result").asText(), refused::toString);
        assertTrue(Files.readString(launcher.logs().resolve("center.log")).contains("other than the one enrolled"));
        JsonNode printed = issue(productionCard(DemoResidents.get(0)), replacement, "K0105", "tray-4");
        assertEquals("PRINTED", printed.path("result").asText(), printed::toString);
    }

    /** On the kiosk: a key and CSR; on the CA machine: the signed certificate; back on the kiosk: installed. */
    private Path provisionKiosk(String terminal, Path dir) throws Exception {
        Path terminals = dir.resolve("terminals");
        ok(launcher.run(TIMEOUT, "pki", "csr", "--terminal", terminal, "--out", terminals.toString()));
        ok(launcher.run(TIMEOUT, "pki", "sign", "--csr", terminals.resolve(terminal + ".csr").toString(), "--ca",
                ca.toString(), "--profile", "terminal", "--out", terminals.resolve(terminal + ".crt").toString()));
        Files.copy(ca.resolve("ca.crt"), dir.resolve("ca.crt"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    private Path copy(Path dir, String... names) throws Exception {
        for (String name : names) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(ca.resolve(name), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private Path productionCard(DemoResident resident) throws Exception {
        Path file = state.resolve("cards/production-" + resident.myNumber().digits().substring(8) + ".json");
        Files.createDirectories(file.getParent());
        new CardFactory(jlisStandIn, KeyId.parse("5000033/001")).personalise(cardPerson(resident), "1234", 3).write(file);
        return file;
    }

    private static CardPerson cardPerson(DemoResident resident) {
        return new CardPerson(dev.shomei.card.data.MyNumber.parse(resident.myNumber().digits()),
                DemoResidents.cardName(resident), "", "東京都", resident.birthDate(), Sex.ofCode(resident.sex().charAt(0)));
    }

    private JsonNode issue(Path card, Path keys, String terminal, String tray) throws Exception {
        Launcher.Result result = launcher.run(TIMEOUT, "issue", "--card", card.toString(), "--pin", "1234",
                "--municipality", BUNKYO, "--type", "domestic", "--out", state.resolve(tray).toString(),
                "--center", "127.0.0.1:" + linePort, "--terminal", terminal, "--keys", keys.toString());
        return JSON.readTree(result.stdout().isBlank() ? "{}" : result.lastLine());
    }

    private static void ok(Launcher.Result result) {
        assertEquals(0, result.exitCode(), () -> result.stdout() + result.stderr());
    }
}
