package dev.shomei.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.sim.VpcdClient;
import dev.shomei.card.testing.Pcscd;
import dev.shomei.kiosk.cash.cctalk.CcTalkEmulator;
import dev.shomei.kiosk.cash.cctalk.SocatPtyPair;
import dev.shomei.kiosk.testing.CertificateCheck;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.LiveTreeVisitor;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.generate.DemoData.DemoResident;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A resident at a kiosk, every part real and in its own process: backend, center and kiosk are
 * separate JVMs started through {@code ./shomei} on loopback; the kiosk reads the My Number card
 * through the real pcscd and vsmartcard's vpcd (reader {@value VpcdClient#DEFAULT_READER}, the card
 * served from this JVM the way a physical card sits in a reader), prints through the real CUPS
 * (cups-pdf queue), takes the fee with its ccTalk driver from a coin mechanism emulator on the far end
 * of a socat pseudo-terminal pair (the kiosk runs without --demo: no simulated coins, no coin buttons),
 * and the resident touches the kiosk's screen in real Chromium. The printed paper
 * is checked with {@code ./shomei verify} against the backend's published JWKS. Afterwards nothing
 * personal is left on the kiosk or center side (state, logs, temp, browser profile, CUPS spool).
 * Subclasses choose the backend's database engine. Missing pcscd, CUPS or Chromium fails under
 * {@code CI=true} and skips otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class KioskDeviceScenarios {
    private static final String BUNKYO = "131059";
    private static final Duration PRINT_TIMEOUT = Duration.ofMinutes(2);

    private Path state;
    private Instant started;
    private SystemStack stack;
    private Pcscd pcscd;
    private CupsPaper paper;
    private KioskBrowser browser;
    private SocatPtyPair coinLine;
    private CcTalkEmulator coinMechanism;
    private String kioskUrl;
    private final List<Path> printed = new ArrayList<>();
    private final List<DemoResident> residentsSeen = new ArrayList<>();

    /** The backend's JDBC URL, or null for the embedded SQLite. */
    abstract String databaseUrl();

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now().minusSeconds(1);
        Pcscd.requireOrSkip();
        CupsPaper.prepareQueue();
        String databaseUrl = databaseUrl();
        state = Files.createTempDirectory("shomei-kiosk-system-");
        stack = SystemStack.start(state, databaseUrl);
        pcscd = Pcscd.startOrReuse(stack.launcher.logs().resolve("pcscd.log"));
        coinLine = SocatPtyPair.start();
        coinMechanism = CcTalkEmulator.open(coinLine.deviceEnd());
        int kioskPort = Ports.free();
        Path kioskKeys = KioskKeys.provision(state.resolve("pki"), "K0001", state.resolve("kiosk-keys"));
        stack.startProcess("kiosk", kioskPort, "kiosk", "serve", "--terminal", "K0001", "--keys", kioskKeys.toString(),
                "--center", stack.centerAddress(), "--reader", VpcdClient.DEFAULT_READER,
                "--printer", "ipp:" + CupsPaper.queue(), "--coins", coinLine.hostEnd(), "--port", String.valueOf(kioskPort));
        kioskUrl = "http://127.0.0.1:" + kioskPort + "/";
        paper = CupsPaper.of(stack.launcher.logs().resolve("kiosk.log"));
        browser = KioskBrowser.launch(browserProfile());
    }

    @AfterAll
    void stopSystem() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (stack != null) {
                stack.close();
            }
            if (coinMechanism != null) {
                coinMechanism.close();
            }
            if (coinLine != null) {
                coinLine.close();
            }
            if (state != null && Files.isDirectory(state.resolve("test-logs"))) {
                // kept for the build report (also when the start failed); the scan proves they hold nothing personal
                TreeDeleter.copy(state.resolve("test-logs"), Path.of("target", "system-logs", getClass().getSimpleName()));
            }
        } finally {
            if (pcscd != null) {
                pcscd.close(); // only when this class started it
            }
            for (Path pdf : printed) {
                Files.deleteIfExists(pdf); // the test's own paper: nobody takes it home
            }
            TreeDeleter.delete(state);
        }
    }

    @Test
    @Order(1)
    void aResidentGetsACertificateThroughPcscdChromiumAndCups() throws Exception {
        DemoResident hanako = DemoResidents.get(0);
        Path card = DemoResidents.card(stack.launcher, hanako, "1234", 3);
        residentsSeen.add(hanako);
        paper.snapshot();
        KioskScreen screen = new KioskScreen(browser.open(kioskUrl));
        VpcdClient inReader = insert(card);
        try {
            screen.chooseService("#lang-ja", "#type-domestic");
            screen.expectState("PIN");
            assertThat(screen.find("#tries")).containsText("3回");
            // a wrong PIN first: counted by the card itself, through pcscd
            screen.typePin("9999");
            screen.touch("#pin-ok");
            assertThat(screen.find("#notice")).containsText("暗証番号が違います");
            assertThat(screen.find("#tries")).containsText("2回");
            screen.expectState("PIN");
            screen.typePin("1234");
            screen.touch("#pin-ok");
            screen.expectState("REMOVE_CARD");
        } finally {
            inReader.close(); // the resident takes the card out of the reader
        }
        assertEquals(3, VirtualCardFile.read(card).triesLeft(), "a right PIN resets the card's counter");
        screen.expectState("MUNICIPALITY");
        screen.touch("#m-" + BUNKYO);
        screen.touch("#copies-1");
        screen.expectState("CONFIRM");
        assertThat(screen.find("#confirm-name")).hasText(DemoResidents.cardName(hanako));
        assertThat(screen.find("#doses tr")).hasCount(4); // a header row and the three doses
        screen.touch("#confirm-ok");
        screen.expectState("PAYMENT");
        assertEquals(0, screen.page().locator("#sim-coins button").count(), "no coin buttons outside demo mode");
        assertTrue(coinMechanism.insert(500), "the acceptor is enabled for the payment");
        screen.expectState("TAKE_CERTIFICATE");
        screen.touch("#done");
        screen.expectState("IDLE");
        screen.page().close();

        Path pdf = paper.awaitPrintedCertificate(PRINT_TIMEOUT);
        printed.add(pdf);
        Launcher.Result verified = stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "verify", pdf.toString(),
                "--jwks", stack.jwksUrl(), "--ca", state.resolve("pki/ca.crt").toString());
        assertEquals(0, verified.exitCode(), () -> verified.stdout() + verified.stderr());
        assertTrue(verified.stdout().contains("1 QR code(s), 1 valid"), verified::stdout);
        assertTrue(verified.stdout().strip().endsWith("VALID") && !verified.stdout().contains("INVALID"), verified::stdout);
    }

    @Test
    @Order(2)
    void aMovedOutResidentIsPrintedByTheMunicipalityThatVaccinatedThem() throws Exception {
        // 次郎 moved out of Bunkyo after his doses there: he chooses Bunkyo, which still certifies them
        DemoResident jiro = DemoResidents.get(2);
        Path card = DemoResidents.card(stack.launcher, jiro, "1234", 3);
        residentsSeen.add(jiro);
        paper.snapshot();
        KioskScreen screen = new KioskScreen(browser.open(kioskUrl));
        VpcdClient inReader = insert(card);
        try {
            screen.chooseService("#lang-en", "#type-domestic");
            screen.expectState("PIN");
            screen.typePin("1234");
            screen.touch("#pin-ok");
            screen.expectState("REMOVE_CARD");
        } finally {
            inReader.close();
        }
        screen.expectState("MUNICIPALITY");
        assertThat(screen.find("#heading")).containsText("registered when vaccinated");
        assertThat(screen.find("#municipality-sub")).containsText("certified by that municipality");
        screen.touch("#m-" + BUNKYO);
        screen.touch("#copies-1");
        screen.expectState("CONFIRM");
        assertThat(screen.find("#confirm-name")).hasText(DemoResidents.cardName(jiro));
        assertThat(screen.find("#doses tr")).hasCount(3); // a header row and Bunkyo's two doses
        screen.touch("#confirm-ok");
        screen.expectState("PAYMENT");
        assertTrue(coinMechanism.insert(500), "the acceptor is enabled for the payment");
        screen.expectState("TAKE_CERTIFICATE");
        screen.touch("#done");
        screen.expectState("IDLE");
        screen.page().close();

        // cups-pdf passes the job through Ghostscript, which drops the text layer: the QR code says what was printed
        Path pdf = paper.awaitPrintedCertificate(PRINT_TIMEOUT);
        printed.add(pdf);
        Launcher.Result verified = stack.launcher.run(SystemStack.COMMAND_TIMEOUT, "verify", pdf.toString(),
                "--jwks", stack.jwksUrl(), "--ca", state.resolve("pki/ca.crt").toString());
        assertEquals(0, verified.exitCode(), () -> verified.stdout() + verified.stderr());
        assertTrue(verified.stdout().contains("1 QR code(s), 1 valid"), verified::stdout);
        assertTrue(verified.stdout().contains("dose 2: 2021-06-22") && !verified.stdout().contains("dose 3:"),
                () -> "Bunkyo's two doses: " + verified.stdout());
    }

    /** After the scenarios, with the browser still open: nothing of either resident on the kiosk or center side. */
    @Test
    @Order(100)
    void nothingPersonalIsLeftOnTheKioskOrCenterSide() throws Exception {
        assertTrue(!residentsSeen.isEmpty(), "the scenarios ran first");
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        // Excluded: the card files (the card itself), the backend's directory (encrypted, checked by the
        // backend's tests), the demo guide about invented residents, the verifier's output and the paper.
        List<Path> excluded = new ArrayList<>(List.of(state.resolve("cards"), state.resolve("backend"), state.resolve("demo"),
                stack.launcher.verifierLogs()));
        excluded.addAll(paper.directories());
        // The whole state directory: kiosk/ and center/, every process's log, their java.io.tmpdir,
        // the browser's profile; the browser driver's temp directory; and the CUPS spool.
        List<Path> roots = List.of(state, KioskBrowser.DRIVER_TMP, Path.of("/var/spool/cups"));
        for (DemoResident resident : residentsSeen) {
            LeftoverScanner scanner = new LeftoverScanner(DemoResidents.cardName(resident), resident.myNumber().digits(),
                    excluded, pdf -> CertificateCheck.whatItSays(pdf, pki));
            assertEquals(List.of(), scanner.scan(roots, started), "leftovers of a demo resident");
            assertTrue(scanner.filesScanned() > 0, "the scan looked at files");
        }
        assertTrue(hasFiles(browserProfile()), "the browser's profile was among the scanned files");
        try (Stream<Path> files = Files.walk(state.resolve("kiosk"))) {
            assertEquals(List.of(state.resolve("kiosk").resolve("outcomes.journal")), files.filter(Files::isRegularFile).toList(),
                    "the kiosk wrote no file into its state directory but the outcome journal");
        }
        assertEquals(0L, Files.size(state.resolve("kiosk").resolve("outcomes.journal")),
                "every outcome reached the center: the journal is empty");
    }

    private static VpcdClient insert(Path card) throws Exception {
        return VpcdClient.connect(VirtualCardFile.open(card), "127.0.0.1", VpcdClient.DEFAULT_PORT, Duration.ofSeconds(20));
    }

    /** Chromium's profile (cache, storage), open while the scenarios and the scan run. */
    private Path browserProfile() {
        return stack.launcher.tmp().resolve("chromium-profile");
    }

    /** Whether a directory a running browser writes to holds a file; files it removes meanwhile are skipped. */
    private static boolean hasFiles(Path dir) throws Exception {
        boolean[] found = {false};
        Files.walkFileTree(dir, new LiveTreeVisitor() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                found[0] = attributes.isRegularFile();
                return found[0] ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }
        });
        return found[0];
    }
}
