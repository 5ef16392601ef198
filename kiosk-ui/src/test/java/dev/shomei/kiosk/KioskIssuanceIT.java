package dev.shomei.kiosk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.kiosk.demo.DemoCard;
import dev.shomei.kiosk.device.Printers;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.kiosk.testing.CertificateCheck;
import dev.shomei.kiosk.testing.Chromium;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.RealStack;
import dev.shomei.kiosk.testing.Trees;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole kiosk in real Chromium against the real center and record backend (in this JVM, over
 * real TLS sockets) with a virtual My Number card signed by the dev J-LIS key and read through
 * {@code javax.smartcardio}: domestic and overseas issuance (the printed PDFs verify), a wrong then
 * a right PIN, a blocked card, a non-participating municipality, the card removed too early, a
 * printer failure after payment (refund + VOIDED at the backend), a cancel after confirm — and then
 * the leftover scan of the kiosk's state directory, the temp directories and the CUPS spool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KioskIssuanceIT {
    private static final String PIN = "4827";
    private static final Duration BACKEND_WAIT = Duration.ofSeconds(15);

    /** Outside the scanned directories: the backend's storage, the card files, the paper trays. */
    private final Path work = Path.of("target", "kiosk-it-" + UUID.randomUUID()).toAbsolutePath();
    /** Under java.io.tmpdir, scanned: the center's configuration and the kiosk's state directory. */
    private Path temp;

    private Instant started;
    private RealStack stack;
    private Chromium chromium;
    private final List<RealStack.Person> people = new ArrayList<>();
    private Path kioskState;

    private DemoCard card;
    private LineCenterLink link;
    private SimulatedCoinUnit coins;
    private Kiosk kiosk;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now();
        temp = Files.createTempDirectory("kiosk-it-");
        stack = new RealStack(work.resolve("pki"), work.resolve("backend"), temp.resolve("center"));
        kioskState = Files.createDirectories(temp.resolve("state").resolve("kiosk"));
        chromium = Chromium.launch();
    }

    @AfterAll
    void stopSystem() {
        if (chromium != null) {
            chromium.close();
        }
        if (stack != null) {
            stack.close();
        }
        Trees.delete(temp);
    }

    @AfterEach
    void stopKiosk() {
        if (context != null) {
            context.close();
        }
        if (kiosk != null) {
            kiosk.close();
        }
        if (link != null) {
            link.close();
        }
        if (card != null) {
            card.close();
        }
    }

    // --- the scenarios -------------------------------------------------------------------------

    @Test
    @Order(1)
    void aDomesticCertificateIsIssuedAndVerifies() throws Exception {
        RealStack.Person person = resident(false);
        Path tray = work.resolve("tray-domestic");
        startKiosk(cardFile(person, 3), tray);
        chooseUpToPin("#lang-ja", "#type-domestic");
        assertThat(page.locator("#tries")).containsText("3回");
        enterPin(PIN);
        takeCardOut();
        // the center lists all of Japan; the card's address (Bunkyo) is offered first
        assertThat(page.locator("#prefectures button")).hasCount(47);
        assertThat(page.locator("#m-" + RealStack.BUNKYO)).containsText("文京区");
        click("#pref-13");
        click("#kana-3"); // た行: 千代田区 ちよだく
        assertThat(page.locator("#m-" + RealStack.CHIYODA_NOT_PARTICIPATING)).containsText("コンビニ交付を行っていません");
        click("#other-prefecture");
        click("#m-" + RealStack.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#confirm-name")).hasText(person.name());
        // as the certificate prints it
        assertThat(page.locator("#confirm-birth")).hasText(person.birthDate().getYear() + "年"
                + person.birthDate().getMonthValue() + "月" + person.birthDate().getDayOfMonth() + "日");
        assertThat(page.locator("#doses tr")).hasCount(4);
        String transaction = kiosk.session().screen().transactionId();
        click("#confirm-ok");
        expectState(SessionState.PAYMENT);
        click("#coin-100");
        click("#coin-50");
        expectState(SessionState.TAKE_CERTIFICATE);
        assertThat(page.locator("#money-banner")).containsText("30円");
        click("#done");
        expectState(SessionState.IDLE);

        Issuance issuance = stack.awaitStatus(transaction, IssuanceStatus.PRINTED, BACKEND_WAIT);
        assertEquals("K0001", issuance.terminalId());
        byte[] pdf = onlyPdf(tray);
        List<Verdict> verdicts = CertificateCheck.verify(pdf, stack.pki);
        assertEquals(List.of(Verdict.Kind.SMART_HEALTH_CARD), verdicts.stream().map(Verdict::kind).toList());
        assertTrue(verdicts.stream().allMatch(Verdict::valid), verdicts::toString);
        // what makes the leftover scan able to recognise this resident's certificate anywhere
        assertTrue(CertificateCheck.whatItSays(pdf, stack.pki).contains(person.name().split("\u3000")[0]), "the QR names the holder");
    }

    @Test
    @Order(2)
    void anOverseasCertificateIsIssuedInEnglishAndVerifies() throws Exception {
        RealStack.Person person = resident(true);
        Path tray = work.resolve("tray-overseas");
        startKiosk(cardFile(person, 3), tray);
        chooseUpToPin("#lang-en", "#type-overseas");
        assertThat(page.locator("#tries")).containsText("Tries left: 3");
        enterPin(PIN);
        takeCardOut();
        click("#m-" + RealStack.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#facts")).containsText("KENSA");
        String transaction = kiosk.session().screen().transactionId();
        click("#confirm-ok");
        click("#coin-500");
        expectState(SessionState.TAKE_CERTIFICATE);
        click("#done");

        stack.awaitStatus(transaction, IssuanceStatus.PRINTED, BACKEND_WAIT);
        List<Verdict> verdicts = CertificateCheck.verify(onlyPdf(tray), stack.pki);
        assertTrue(verdicts.stream().anyMatch(v -> v.kind() == Verdict.Kind.VDS_NC), verdicts::toString);
        assertTrue(verdicts.stream().anyMatch(v -> v.kind() == Verdict.Kind.SMART_HEALTH_CARD), verdicts::toString);
        assertTrue(verdicts.stream().allMatch(Verdict::valid), verdicts::toString);
    }

    @Test
    @Order(3)
    void aWrongThenARightPin() throws Exception {
        RealStack.Person person = resident(false);
        Path tray = work.resolve("tray-wrong-pin");
        startKiosk(cardFile(person, 3), tray);
        chooseUpToPin("#lang-ja", "#type-domestic");
        typePin("0000");
        click("#pin-ok");
        assertThat(page.locator("#notice")).containsText("暗証番号が違います");
        assertThat(page.locator("#tries")).containsText("2回");
        expectState(SessionState.PIN);
        enterPin(PIN);
        takeCardOut();
        click("#m-" + RealStack.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        assertThat(page.locator("#confirm-name")).hasText(person.name());
        String transaction = kiosk.session().screen().transactionId();
        click("#cancel"); // an interrupted session: the issuance must be voided
        expectState(SessionState.IDLE);
        stack.awaitStatus(transaction, IssuanceStatus.VOIDED, BACKEND_WAIT);
    }

    @Test
    @Order(4)
    void aBlockedCardIsRefusedWithoutAVerify() throws Exception {
        RealStack.Person person = resident(false);
        Path cardFile = cardFile(person, 0);
        startKiosk(cardFile, work.resolve("tray-blocked"));
        click("#start");
        click("#service-vaccination");
        click("#lang-ja");
        click("#type-domestic");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#error-code")).containsText("PIN_BLOCKED");
        assertThat(page.locator("#hint")).containsText("窓口");
        assertThat(page.locator("#card-banner")).isVisible();
        assertEquals(0, VirtualCardFile.read(cardFile).triesLeft());
    }

    @Test
    @Order(5)
    void aNonParticipatingMunicipalityIsRefused() throws Exception {
        RealStack.Person person = resident(false);
        startKiosk(cardFile(person, 3), work.resolve("tray-not-participating"));
        chooseUpToPin("#lang-en", "#type-domestic");
        enterPin(PIN);
        takeCardOut();
        click("#not-listed");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#heading")).hasText("This municipality does not issue certificates at kiosks.");
        assertThat(page.locator("#error-code")).containsText("MUNICIPALITY_NOT_PARTICIPATING");
    }

    @Test
    @Order(6)
    void theCardRemovedTooEarlyEndsTheSession() throws Exception {
        RealStack.Person person = resident(false);
        startKiosk(cardFile(person, 3), work.resolve("tray-removed"));
        chooseUpToPin("#lang-ja", "#type-domestic");
        typePin("48");
        click("#sim-card-out");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#error-code")).containsText("CARD_REMOVED");
        assertThat(page.locator("#heading")).hasText("カードが取り外されました。");
    }

    @Test
    @Order(7)
    void aPrinterFailureAfterPaymentRefundsAndVoids() throws Exception {
        RealStack.Person person = resident(false);
        Path tray = work.resolve("tray-broken");
        Files.createDirectories(tray.getParent());
        Files.writeString(tray, "not a directory: the paper tray cannot take the job");
        startKiosk(cardFile(person, 3), tray);
        chooseUpToPin("#lang-ja", "#type-domestic");
        enterPin(PIN);
        takeCardOut();
        click("#m-" + RealStack.BUNKYO);
        click("#copies-2");
        expectState(SessionState.CONFIRM);
        String transaction = kiosk.session().screen().transactionId();
        click("#confirm-ok");
        click("#coin-100");
        click("#coin-100");
        click("#coin-50");
        expectState(SessionState.REFUSED);
        assertThat(page.locator("#error-code")).containsText("PRINTER_ERROR");
        assertThat(page.locator("#money-banner")).containsText("240円");
        assertEquals(List.of(10, 240), coins.payouts(), "change, then the whole fee back");
        Issuance issuance = stack.awaitStatus(transaction, IssuanceStatus.VOIDED, BACKEND_WAIT);
        assertTrue(issuance.voidReason() != null && issuance.voidReason().contains("PRINTER"), issuance.voidReason());
    }

    @Test
    @Order(8)
    void cancelledSessionsAreVoidedAtTheBackend() throws Exception {
        RealStack.Person person = resident(false);
        startKiosk(cardFile(person, 3), work.resolve("tray-cancel"));
        chooseUpToPin("#lang-ja", "#type-domestic");
        enterPin(PIN);
        takeCardOut();
        click("#m-" + RealStack.BUNKYO);
        click("#copies-1");
        expectState(SessionState.CONFIRM);
        String transaction = kiosk.session().screen().transactionId();
        click("#confirm-ok");
        click("#coin-100");
        click("#cancel");
        expectState(SessionState.IDLE);
        assertThat(page.locator("#money-banner")).containsText("100円");
        stack.awaitStatus(transaction, IssuanceStatus.VOIDED, BACKEND_WAIT);
    }

    /** After successful, refused and interrupted sessions: nothing of any resident is left. */
    @Test
    @Order(100)
    void theLeftoverScanFindsNothing() throws Exception {
        // the browser is still open: its profile (cache, storage) is scanned as it stands
        startKiosk(cardFile(resident(false), 3), work.resolve("tray-scan"));
        List<Path> roots = new ArrayList<>(List.of(kioskState, Path.of(System.getProperty("java.io.tmpdir")),
                Path.of("/var/spool/cups")));
        // the repository is no temp directory even when it is checked out under one
        List<Path> excluded = List.of(work, Path.of(System.getProperty("shomei.root", work.toString())));
        assertFalse(people.isEmpty());
        for (RealStack.Person person : people) {
            LeftoverScanner scanner = new LeftoverScanner(person.name(), person.myNumberDigits(), excluded,
                    pdf -> CertificateCheck.whatItSays(pdf, stack.pki));
            List<LeftoverScanner.Finding> findings = scanner.scan(roots, started);
            assertEquals(List.of(), findings, "leftovers of a resident");
            assertTrue(scanner.filesScanned() > 0, "the scan looked at files");
        }
        try (Stream<Path> files = Files.list(kioskState)) {
            assertEquals(0, files.count(), "the kiosk wrote nothing into its state directory");
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private RealStack.Person resident(boolean passport) {
        RealStack.Person person = stack.addResident(passport);
        people.add(person);
        return person;
    }

    private Path cardFile(RealStack.Person person, int triesLeft) throws Exception {
        return stack.cardFile(person, PIN, triesLeft, work.resolve("cards").resolve(UUID.randomUUID() + ".json"));
    }

    /** A kiosk K0001 with this card in its (in-process) reader, printing into {@code tray}, and its screen. */
    private void startKiosk(Path cardFile, Path tray) {
        card = DemoCard.inProcess(VirtualCardFile.open(cardFile));
        link = new LineCenterLink(List.of(new CenterAddress("127.0.0.1", stack.linePort())), stack.kioskTls("K0001"),
                "K0001", KioskMain.FIRMWARE_VERSION, Duration.ofSeconds(20));
        coins = new SimulatedCoinUnit();
        kiosk = Kiosk.start(new KioskSession.Devices(card.reader(), link, coins, Printers.open("tray:" + tray)),
                Kiosk.Settings.defaults(), stack.clock);
        String url = kiosk.serveScreen(0, new dev.shomei.kiosk.web.SimulatedHardware(coins, card)).url();
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 1024));
        page = context.newPage();
        page.navigate(url);
        expectState(SessionState.IDLE);
    }

    private void chooseUpToPin(String language, String type) {
        click("#start");
        click("#service-vaccination");
        click(language);
        click(type);
        expectState(SessionState.PIN);
    }

    private void enterPin(String pin) {
        typePin(pin);
        click("#pin-ok");
        expectState(SessionState.REMOVE_CARD);
    }

    private void typePin(String digits) {
        for (char digit : digits.toCharArray()) {
            int before = page.locator("#pin-boxes .filled").count();
            click("#pin-" + digit);
            assertThat(page.locator("#pin-boxes .filled")).hasCount(before + 1);
        }
    }

    private void takeCardOut() {
        click("#sim-card-out");
        expectState(SessionState.MUNICIPALITY);
        // the first nationwide list of a fresh center (1,741 entries, read and sorted once) may take a while
        assertThat(page.locator("#prefectures")).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
    }

    private void click(String selector) {
        page.locator(selector).click();
    }

    private void expectState(SessionState state) {
        assertThat(page.locator("body")).hasAttribute("data-state", state.name(),
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(20_000));
    }

    private static byte[] onlyPdf(Path tray) throws Exception {
        try (Stream<Path> files = Files.list(tray)) {
            List<Path> pdfs = files.filter(p -> p.toString().endsWith(".pdf")).toList();
            assertEquals(1, pdfs.size(), "one document in the tray: " + pdfs);
            return Files.readAllBytes(pdfs.get(0));
        }
    }
}
