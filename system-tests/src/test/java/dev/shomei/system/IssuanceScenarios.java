package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.record.generate.DemoData;
import dev.shomei.record.generate.DemoData.DemoResident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The resident's path end to end, across real processes: {@code ./shomei issue} drives a kiosk
 * session (virtual card, PIN, municipality, payment, paper tray) against a real center and backend;
 * {@code ./shomei verify} checks the printed PDF against the backend's published JWKS. Refusals come
 * back with their codes. Afterwards nothing personal is left on the kiosk or center side.
 * Subclasses choose the backend's database engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class IssuanceScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUNKYO = "131059";
    private static final String SHINJUKU = "131041";
    private static final String CHIYODA_NOT_PARTICIPATING = "131016";

    Path state;
    SystemStack stack;
    Instant started;
    Path hanako;
    Path taro;
    Path jiro;
    Path saburo;
    Path shiro;

    /** The backend's JDBC URL, or null for the embedded SQLite. */
    abstract String databaseUrl();

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now().minusSeconds(1);
        state = Files.createTempDirectory("shomei-system-");
        stack = SystemStack.start(state, databaseUrl());
        hanako = DemoResidents.card(stack.launcher, DemoResidents.get(0), "1234", 3);
        taro = DemoResidents.card(stack.launcher, DemoResidents.get(1), "1234", 3);
        jiro = DemoResidents.card(stack.launcher, DemoResidents.get(2), "1234", 3);
        saburo = DemoResidents.card(stack.launcher, DemoResidents.get(3), "1234", 3);
        shiro = DemoResidents.card(stack.launcher, DemoResidents.get(4), "1234", 3);
    }

    @AfterAll
    void stopSystem() throws Exception {
        if (stack != null) {
            stack.close();
            // kept for the build report; the scans above prove they hold nothing personal
            TreeDeleter.copy(stack.launcher.logs(), Path.of("target", "system-logs", getClass().getSimpleName()));
        }
        TreeDeleter.delete(state);
    }

    @Test
    @Order(1)
    void domesticCertificatePrintsAndVerifiesAgainstThePublishedJwks() throws Exception {
        Path tray = state.resolve("tray-domestic");
        JsonNode result = issue(hanako, "1234", BUNKYO, "domestic", tray);
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        assertEquals(1, result.path("certificateIds").size());
        Path pdf = Path.of(result.path("files").get(0).asText());
        assertTrue(Files.size(pdf) > 10_000, "a real PDF");

        Launcher.Result verified = verify(pdf);
        assertEquals(0, verified.exitCode(), verified::stdout);
        assertTrue(verified.stdout().contains("VALID"), verified::stdout);
        assertTrue(verified.stdout().contains("1 QR code(s), 1 valid"), verified::stdout);
    }

    @Test
    @Order(2)
    void overseasCertificateCarriesBothSignedCodes() throws Exception {
        JsonNode result = issue(hanako, "1234", BUNKYO, "overseas", state.resolve("tray-overseas"));
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        Launcher.Result verified = verify(Path.of(result.path("files").get(0).asText()));
        assertEquals(0, verified.exitCode(), verified::stdout);
        assertTrue(verified.stdout().contains("2 QR code(s), 2 valid"), verified::stdout);
    }

    @Test
    @Order(3)
    void aCertificateWithOneAlteredQrCharacterIsInvalid() throws Exception {
        JsonNode result = issue(hanako, "1234", BUNKYO, "domestic", state.resolve("tray-altered"));
        Path png = PdfQr.alterFirstQrCharacter(Path.of(result.path("files").get(0).asText()), state.resolve("altered.png"));
        Launcher.Result verified = verify(png);
        assertNotEquals(0, verified.exitCode(), verified::stdout);
        assertTrue(verified.stdout().contains("INVALID"), verified::stdout);
    }

    @Test
    @Order(4)
    void refusalsComeBackWithTheirCodes() throws Exception {
        assertRefused("NO_RECORD", issue(hanako, "1234", SHINJUKU, "domestic", state.resolve("tray-refused")));
        assertRefused("MUNICIPALITY_NOT_PARTICIPATING",
                issue(hanako, "1234", CHIYODA_NOT_PARTICIPATING, "domestic", state.resolve("tray-refused")));

        JsonNode wrongPin = issue(hanako, "9999", BUNKYO, "domestic", state.resolve("tray-refused"));
        assertRefused("PIN_INCORRECT", wrongPin);
        assertEquals(2, wrongPin.path("triesLeft").asInt(), wrongPin::toString);

        assertRefused("PASSPORT_INFO_MISSING", issue(taro, "1234", BUNKYO, "overseas", state.resolve("tray-refused")));

        assertRefused("NO_VACCINATION", issue(saburo, "1234", BUNKYO, "domestic", state.resolve("tray-refused")));

        Path tampered = TamperedCard.changeOneNameByte(hanako, state.resolve("cards/tampered.json"));
        assertRefused("CARD_DATA_INVALID", issue(tampered, "1234", BUNKYO, "domestic", state.resolve("tray-refused")));

        try (var refusedTray = Files.list(state.resolve("tray-refused"))) {
            assertEquals(0, refusedTray.filter(p -> p.toString().endsWith(".pdf")).count(), "a refusal prints nothing");
        } catch (java.nio.file.NoSuchFileException nothingEverWritten) {
            // the tray was never created: nothing was printed either
        }
    }

    @Test
    @Order(4)
    void aMovedOutResidentIsPrintedByTheMunicipalityThatVaccinatedThem() throws Exception {
        // 次郎 moved out of Bunkyo after his doses there: Bunkyo still certifies them
        JsonNode result = issue(jiro, "1234", BUNKYO, "domestic", state.resolve("tray-moved-out"));
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        assertTrue(result.path("certificateIds").get(0).asText().startsWith(BUNKYO.substring(0, 5)),
                "a Bunkyo certificate id: " + result);
        Path pdf = Path.of(result.path("files").get(0).asText());
        String text = PdfText.of(pdf);
        assertTrue(text.contains("文京区長") && text.contains("1回目") && text.contains("2回目"), text);
        Launcher.Result verified = verify(pdf);
        assertEquals(0, verified.exitCode(), verified::stdout);
        assertTrue(verified.stdout().contains("1 QR code(s), 1 valid"), verified::stdout);
    }

    @Test
    @Order(4)
    void sevenDosesPrintTheLatestFiveWithTheNoteAndTheQrCodesAgree() throws Exception {
        JsonNode result = issue(shiro, "1234", BUNKYO, "overseas", state.resolve("tray-seven"));
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        Path pdf = Path.of(result.path("files").get(0).asText());
        String text = PdfText.of(pdf);
        for (String expected : List.of("3回目", "7回目", "Dose 3", "Dose 7", "直近5回分の接種記録",
                "holds records of earlier doses")) {
            assertTrue(text.contains(expected), "missing " + expected + " in\n" + text);
        }
        assertFalse(text.contains("1回目") || text.contains("2回目"), text);
        Launcher.Result verified = verify(pdf);
        assertEquals(0, verified.exitCode(), verified::stdout);
        assertTrue(verified.stdout().contains("2 QR code(s), 2 valid"), verified::stdout);
        // the VDS-NC numbers its doses as the paper does; neither code carries the two left out
        assertTrue(verified.stdout().contains("dose 3: 2022-01-15") && verified.stdout().contains("dose 7: 2023-09-25"),
                verified::stdout);
        assertFalse(verified.stdout().contains("2021-06-01") || verified.stdout().contains("2021-06-22"),
                verified::stdout);
    }

    @Test
    @Order(4)
    void aNameInMjCharactersPrintsAsItselfAndItsTextLayerGivesTheCodePointsBack() throws Exception {
        Path card = DemoResidents.card(stack.launcher, DemoResidents.get(5), "1234", 3);
        JsonNode result = issue(card, "1234", BUNKYO, "domestic", state.resolve("tray-mj"));
        assertEquals("PRINTED", result.path("result").asText(), result::toString);
        String text = PdfText.of(Path.of(result.path("files").get(0).asText()));
        assertTrue(text.contains("\uD842\uDFB7田") && text.contains("髙子"), "𠮷 (U+20BB7) and 髙 extract as themselves:\n" + text);
        assertFalse(text.contains("〓"), "no substitute character");
    }

    @Test
    @Order(5)
    void nothingPersonalIsLeftOnTheKioskOrCenterSide() throws Exception {
        for (int i = 0; i < DemoData.RESIDENTS.size(); i++) {
            DemoResident resident = DemoResidents.get(i);
            String myNumber = resident.myNumber().digits();
            // Excluded: the card files (the card itself), the paper trays (what the resident takes
            // home), the backend's own directory (checked encrypted by the backend's tests) and the
            // demo guide the backend writes about its invented demo residents.
            // The scan covers the whole state directory, the logs of every process and their tmpdir.
            List<Path> excluded = List.of(state.resolve("cards"), state.resolve("backend"), state.resolve("demo"),
                    state.resolve("tray-domestic"), state.resolve("tray-overseas"), state.resolve("tray-altered"),
                    state.resolve("tray-moved-out"), state.resolve("tray-seven"), state.resolve("tray-mj"),
                    state.resolve("altered.png"), stack.launcher.verifierLogs());
            List<LeftoverScanner.Finding> findings = new LeftoverScanner(DemoResidents.cardName(resident), myNumber, excluded)
                    .scan(List.of(state), started);
            assertEquals(List.of(), findings, "leftovers of demo resident " + (i + 1));
        }
    }

    private JsonNode issue(Path card, String pin, String municipality, String type, Path tray) throws Exception {
        Launcher.Result result = stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "issue", "--card", card.toString(),
                "--pin", pin, "--municipality", municipality, "--type", type, "--out", tray.toString(),
                "--center", stack.centerAddress());
        String line = result.stdout().isBlank() ? "{}" : result.lastLine();
        JsonNode json = JSON.readTree(line);
        assertEquals("PRINTED".equals(json.path("result").asText()) ? 0 : 1, result.exitCode(),
                () -> "exit code of ./shomei issue: " + line + "\n" + result.stderr());
        return json;
    }

    private Launcher.Result verify(Path file) throws IOException, InterruptedException {
        return stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "verify", file.toString(), "--jwks", stack.jwksUrl(),
                "--ca", state.resolve("pki/ca.crt").toString());
    }

    private static void assertRefused(String code, JsonNode result) {
        assertEquals("REFUSED", result.path("result").asText(), result::toString);
        assertEquals(code, result.path("error").asText(), result::toString);
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
