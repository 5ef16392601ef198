package dev.shomei.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.kiosk.testing.CertificateCheck;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.RealStack;
import dev.shomei.kiosk.testing.Trees;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.backend.IssuanceStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./shomei issue} (the same code, in this JVM) against the real center and record backend:
 * one JSON line, the certificate in DIR verifies, refusals carry their codes, and nothing of the
 * residents stays in the temp directories afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssueCliIT {
    private static final String PIN = "5931";

    private final Path work = Path.of("target", "issue-cli-it-" + UUID.randomUUID()).toAbsolutePath();
    private final ObjectMapper json = new ObjectMapper();
    private final List<RealStack.Person> people = new ArrayList<>();
    private Instant started;
    private Path temp;
    private RealStack stack;

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now();
        temp = Files.createTempDirectory("issue-cli-it-");
        stack = new RealStack(work.resolve("state").resolve("pki"), work.resolve("backend"), temp.resolve("center"));
    }

    @AfterAll
    void stopSystem() {
        if (stack != null) {
            stack.close();
        }
        Trees.delete(temp);
    }

    @Test
    @Order(1)
    void aDomesticCertificatePrintsIntoTheDirectoryAndVerifies() throws Exception {
        RealStack.Person person = resident(false);
        Path out = work.resolve("out-domestic");
        Run run = issue("--card", card(person, 3).toString(), "--pin", PIN, "--municipality", RealStack.BUNKYO,
                "--type", "domestic", "--copies", "2", "--out", out.toString());
        assertEquals(0, run.exit(), run.line());
        JsonNode line = json.readTree(run.line());
        assertEquals("PRINTED", line.get("result").asText());
        assertEquals(2, line.get("copies").asInt());
        assertEquals(240, line.get("feeYen").asInt());
        assertFalse(line.get("certificateIds").isEmpty());
        assertEquals(1, line.get("files").size());
        byte[] pdf = Files.readAllBytes(Path.of(line.get("files").get(0).asText()));
        List<Verdict> verdicts = CertificateCheck.verify(pdf, stack.pki);
        assertEquals(2, verdicts.size(), "two copies, one SMART Health Card each");
        assertTrue(verdicts.stream().allMatch(Verdict::valid), verdicts::toString);
        stack.awaitStatus(line.get("transactionId").asText(), IssuanceStatus.PRINTED, Duration.ofSeconds(15));
        assertFalse(run.line().contains(person.name()) || run.line().contains(person.myNumberDigits()),
                "the JSON line names no one");
    }

    @Test
    @Order(2)
    void anOverseasCertificateVerifies() throws Exception {
        Path out = work.resolve("out-overseas");
        Run run = issue("--card", card(resident(true), 3).toString(), "--pin", PIN, "--municipality", RealStack.BUNKYO,
                "--type", "overseas", "--out", out.toString(), "--language", "en");
        assertEquals(0, run.exit(), run.line());
        byte[] pdf = Files.readAllBytes(Path.of(json.readTree(run.line()).get("files").get(0).asText()));
        List<Verdict> verdicts = CertificateCheck.verify(pdf, stack.pki);
        assertTrue(verdicts.stream().anyMatch(v -> v.kind() == Verdict.Kind.VDS_NC), verdicts::toString);
        assertTrue(verdicts.stream().allMatch(Verdict::valid), verdicts::toString);
    }

    @Test
    @Order(3)
    void overseasWithoutPassportDataIsRefusedByTheBackend() throws Exception {
        Run run = issue("--card", card(resident(false), 3).toString(), "--pin", PIN, "--municipality", RealStack.BUNKYO,
                "--type", "overseas", "--out", work.resolve("out-no-passport").toString());
        assertEquals(1, run.exit());
        assertEquals("PASSPORT_INFO_MISSING", json.readTree(run.line()).get("error").asText());
    }

    @Test
    @Order(4)
    void aWrongPinIsRefusedWithTheTriesLeftAndCounted() throws Exception {
        Path card = card(resident(false), 3);
        Run run = issue("--card", card.toString(), "--pin", "0000", "--municipality", RealStack.BUNKYO,
                "--type", "domestic", "--out", work.resolve("out-wrong").toString());
        assertEquals(1, run.exit());
        JsonNode line = json.readTree(run.line());
        assertEquals("REFUSED", line.get("result").asText());
        assertEquals("PIN_INCORRECT", line.get("error").asText());
        assertEquals(2, line.get("triesLeft").asInt());
        assertEquals(2, VirtualCardFile.read(card).triesLeft(), "the card itself counted the wrong try");
    }

    @Test
    @Order(5)
    void aNonParticipatingMunicipalityIsRefused() throws Exception {
        Run run = issue("--card", card(resident(false), 3).toString(), "--pin", PIN, "--municipality",
                RealStack.CHIYODA_NOT_PARTICIPATING, "--type", "domestic", "--out", work.resolve("out-chiyoda").toString());
        assertEquals(1, run.exit());
        assertEquals("MUNICIPALITY_NOT_PARTICIPATING", json.readTree(run.line()).get("error").asText());
    }

    @Test
    @Order(6)
    void badUsageIsAnErrorLine() throws Exception {
        Run run = issue("--card", "x.json", "--pin", PIN, "--municipality", RealStack.BUNKYO, "--type", "abroad",
                "--out", work.resolve("out-bad").toString());
        assertEquals(2, run.exit());
        JsonNode line = json.readTree(run.line());
        assertEquals("ERROR", line.get("result").asText());
        assertEquals("INVALID_REQUEST", line.get("error").asText());
        assertEquals(2, issue("--pin", PIN).exit());
    }

    @Test
    @Order(100)
    void nothingOfTheResidentsStaysBehind() throws Exception {
        List<Path> excluded = List.of(work, Path.of(System.getProperty("shomei.root", work.toString())));
        for (RealStack.Person person : people) {
            LeftoverScanner scanner = new LeftoverScanner(person.name(), person.myNumberDigits(), excluded,
                    pdf -> CertificateCheck.whatItSays(pdf, stack.pki));
            assertEquals(List.of(), scanner.scan(List.of(Path.of(System.getProperty("java.io.tmpdir")),
                    work.resolve("state").resolve("kiosk"), Path.of("/var/spool/cups")), started));
            assertTrue(scanner.filesScanned() > 0);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private RealStack.Person resident(boolean passport) {
        RealStack.Person person = stack.addResident(passport);
        people.add(person);
        return person;
    }

    private Path card(RealStack.Person person, int triesLeft) throws Exception {
        return stack.cardFile(person, PIN, triesLeft, work.resolve("cards").resolve(UUID.randomUUID() + ".json"));
    }

    private record Run(int exit, String line) {
    }

    /** Runs the command as {@code ./shomei issue} would, against the test's center; one line out. */
    private Run issue(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--center", "127.0.0.1:" + stack.linePort()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = IssueCli.run(all.toArray(String[]::new), out, work.resolve("state"), stack.clock);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), "exactly one line: " + output);
        return new Run(exit, lines.get(0));
    }
}
