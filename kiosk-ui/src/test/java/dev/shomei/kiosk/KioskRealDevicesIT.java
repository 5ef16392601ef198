package dev.shomei.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.testing.Pcscd;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.kiosk.cli.HeadlessIssue;
import dev.shomei.kiosk.demo.DemoCard;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.Printers;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.testing.CertificateCheck;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.RealStack;
import dev.shomei.kiosk.testing.Trees;
import dev.shomei.printing.printer.KioskCups;
import dev.shomei.printing.verify.Verdict;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.backend.IssuanceStatus;
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
 * The kiosk with its real device paths: the card behind the real pcscd through vsmartcard's vpcd
 * (read with {@code javax.smartcardio} and libpcsclite, like a physical reader), and printing
 * through the real CUPS (IPP from memory, cups-pdf as the printer); then the CUPS spool and the
 * temp directories are scanned for the residents. Missing pcscd or CUPS fails under CI=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KioskRealDevicesIT {
    private static final String PIN = "7315";
    private static final Duration RUN = Duration.ofMinutes(2);

    private final Path work = Path.of("target", "kiosk-devices-it-" + UUID.randomUUID()).toAbsolutePath();
    private final List<RealStack.Person> people = new ArrayList<>();
    private final List<Path> paper = new ArrayList<>();
    private Instant started;
    private Path temp;
    private RealStack stack;

    @BeforeAll
    void startSystem() throws Exception {
        started = Instant.now();
        temp = Files.createTempDirectory("kiosk-devices-it-");
        stack = new RealStack(work.resolve("pki"), work.resolve("backend"), temp.resolve("center"));
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
    void theCardIsReadThroughTheRealPcscdAndVpcd() throws Exception {
        Pcscd.requireOrSkip();
        RealStack.Person person = resident();
        Path tray = work.resolve("tray-vpcd");
        Pcscd pcscd = Pcscd.startOrReuse(work.resolve("pcscd.log"));
        try (DemoCard card = DemoCard.viaVpcd(VirtualCardFile.open(cardFile(person)))) {
            assertTrue(card.description().contains("Virtual PCD 00 00"), card.description());
            HeadlessIssue.Result result = issueWith(card, Printers.open("tray:" + tray));
            assertTrue(result.printed(), () -> "refused: " + result.error());
            stack.awaitStatus(result.transactionId(), IssuanceStatus.PRINTED, Duration.ofSeconds(15));
            try (var files = Files.list(tray)) {
                byte[] pdf = Files.readAllBytes(files.findFirst().orElseThrow());
                assertTrue(CertificateCheck.verify(pdf, stack.pki).stream().allMatch(Verdict::valid));
            }
        } finally {
            pcscd.close(); // stops pcscd only when this test started it
        }
    }

    @Test
    @Order(2)
    void theCertificatePrintsThroughTheRealCups() throws Exception {
        KioskCups.ensureRunningWithQueue();
        paper.addAll(KioskCups.outputDirectories());
        RealStack.Person person = resident();
        try (DemoCard card = DemoCard.inProcess(VirtualCardFile.open(cardFile(person)))) {
            HeadlessIssue.Result result = issueWith(card, Printers.open("ipp:" + KioskCups.QUEUE));
            assertTrue(result.printed(), () -> "refused: " + result.error());
            Path printed = KioskCups.awaitOutput("certificate-" + result.transactionId(), 60_000);
            List<Verdict> verdicts = CertificateCheck.verify(Files.readAllBytes(printed), stack.pki);
            assertEquals(1, verdicts.size());
            assertTrue(verdicts.get(0).valid(), verdicts::toString);
            stack.awaitStatus(result.transactionId(), IssuanceStatus.PRINTED, Duration.ofSeconds(15));
        }
    }

    @Test
    @Order(100)
    void theSpoolAndTheTempDirectoriesHoldNothingOfTheResidents() throws Exception {
        // cups-pdf's output is the paper the resident took home; everything else is scanned
        List<Path> excluded = new ArrayList<>(List.of(work, Path.of(System.getProperty("shomei.root", work.toString()))));
        excluded.addAll(paper);
        for (RealStack.Person person : people) {
            LeftoverScanner scanner = new LeftoverScanner(person.name(), person.myNumberDigits(), excluded,
                    pdf -> CertificateCheck.whatItSays(pdf, stack.pki));
            assertEquals(List.of(), scanner.scan(List.of(Path.of("/var/spool/cups"),
                    Path.of(System.getProperty("java.io.tmpdir"))), started));
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private RealStack.Person resident() {
        RealStack.Person person = stack.addResident(false);
        people.add(person);
        return person;
    }

    private Path cardFile(RealStack.Person person) throws Exception {
        return stack.cardFile(person, PIN, 3, work.resolve("cards").resolve(UUID.randomUUID() + ".json"));
    }

    private HeadlessIssue.Result issueWith(DemoCard card, PrinterPort printer) {
        SimulatedCoinUnit coins = new SimulatedCoinUnit();
        try (LineCenterLink link = new LineCenterLink(List.of(new CenterAddress("127.0.0.1", stack.linePort())),
                stack.kioskTls("K0003"), "K0003", KioskMain.FIRMWARE_VERSION, Duration.ofSeconds(20));
             Kiosk kiosk = Kiosk.start(new KioskSession.Devices(card.reader(), link, coins, printer),
                     Kiosk.Settings.defaults(), stack.clock)) {
            return new HeadlessIssue(kiosk.session(), card, coins).run(new HeadlessIssue.Order(Language.JA,
                    CertificateType.DOMESTIC, RealStack.BUNKYO, 1, PIN.toCharArray()), RUN);
        }
    }
}
