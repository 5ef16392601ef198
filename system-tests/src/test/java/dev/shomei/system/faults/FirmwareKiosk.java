package dev.shomei.system.faults;

import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.card.sim.VirtualCardTerminal;
import dev.shomei.card.sim.VirtualTerminals;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.kiosk.Kiosk;
import dev.shomei.kiosk.KioskMain;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.kiosk.device.PcscCardReader;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.Screen;
import dev.shomei.kiosk.session.Service;
import dev.shomei.kiosk.session.SessionState;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The real kiosk firmware ({@link Kiosk}: session state machine, worker, clock thread, heartbeat,
 * outbox) in the test JVM, with a virtual card in an in-process PC/SC reader the test can yank at
 * any APDU, the real line client to the center (one or more addresses), a simulated coin unit and
 * the printer the test chooses. The test plays the resident step by step.
 */
final class FirmwareKiosk implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);
    private static final String READER = "Fault Test Reader 0";

    final SimulatedCoinUnit coins = new SimulatedCoinUnit();
    final VirtualCardTerminal slot;
    final Path cardFile;
    private final LineCenterLink link;
    private final Kiosk kiosk;

    FirmwareKiosk(DevPki pki, String terminalId, String centers, Path cardFile, PrinterPort printer, Clock clock) {
        this.cardFile = cardFile;
        VirtualTerminals terminals = VirtualTerminals.of(READER);
        PcscReaders readers = new PcscReaders(terminals.terminalFactory());
        this.slot = terminals.terminal(READER);
        this.link = new LineCenterLink(CenterAddress.parseList(centers), LineTls.clientContext(pki.terminal(terminalId),
                pki.rootCaPem()), terminalId, KioskMain.FIRMWARE_VERSION, Duration.ofSeconds(30));
        this.kiosk = Kiosk.start(new KioskSession.Devices(new PcscCardReader(() -> readers, READER), link, coins, printer),
                Kiosk.Settings.defaults(), clock);
    }

    KioskSession session() {
        return kiosk.session();
    }

    /** The card (its PIN counter is written back to the file) goes into the reader. */
    void insertCard() {
        slot.insert(VirtualCardFile.open(cardFile));
    }

    /**
     * Takes the card out and waits until the kiosk noticed (its reader is polled a few times a
     * second): a session started before that would still believe the card is in.
     */
    void removeCard() throws InterruptedException {
        slot.remove();
        awaitWhere(screen -> !screen.cardPresent());
    }

    /** PIN tries left on the card file (the card's own counter). */
    int triesLeftOnCard() {
        return VirtualCardFile.read(cardFile).triesLeft();
    }

    /** IDLE → ... → the PIN pad, the card inserted on the way. */
    void toPin() throws InterruptedException {
        KioskSession s = session();
        s.start();
        s.chooseService(Service.VACCINATION_CERTIFICATE);
        s.chooseLanguage(Language.JA);
        s.chooseCertificateType(CertificateType.DOMESTIC);
        insertCard();
        await(SessionState.PIN, SessionState.REFUSED);
    }

    void typePin(String pin) {
        for (char c : pin.toCharArray()) {
            session().pinDigit(c - '0');
        }
    }

    /** PIN, read, card out, municipality, copies: returns the screen the request ended on. */
    Screen request(String pin, String municipality, int copies) throws InterruptedException {
        toPin();
        typePin(pin);
        session().submitPin();
        Screen read = await(SessionState.REMOVE_CARD, SessionState.MUNICIPALITY, SessionState.REFUSED);
        if (read.state() == SessionState.REFUSED) {
            return read;
        }
        removeCard();
        Screen list = awaitWhere(sc -> sc.state() == SessionState.REFUSED
                || (sc.state() == SessionState.MUNICIPALITY && sc.municipalities() != null));
        if (list.state() == SessionState.REFUSED) {
            return list;
        }
        session().chooseMunicipality(municipality);
        session().chooseCopies(copies);
        return await(SessionState.CONFIRM, SessionState.REFUSED);
    }

    /** Inserts coins worth exactly the fee. */
    void pay(int yen) {
        int left = yen;
        for (int coin : new int[] {1000, 500, 100, 50, 10}) {
            while (left >= coin) {
                coins.insert(coin);
                left -= coin;
            }
        }
    }

    Screen await(SessionState... states) throws InterruptedException {
        return awaitWhere(sc -> {
            for (SessionState state : states) {
                if (sc.state() == state) {
                    return true;
                }
            }
            return false;
        });
    }

    Screen awaitWhere(java.util.function.Predicate<Screen> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Screen screen = session().screen();
        while (System.nanoTime() < deadline) {
            screen = session().screen();
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the kiosk stayed at " + screen.state() + " (error " + screen.error() + ")");
    }

    /** Back to IDLE after a refusal (the resident read it). */
    void acknowledge() {
        if (session().state() == SessionState.REFUSED) {
            session().acknowledge();
        }
    }

    /** Waits until the outbox has delivered every print outcome to the center. */
    void awaitOutcomesDelivered() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (kiosk.outbox().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(kiosk.outbox().pending() + " print outcomes never reached the center");
            }
            kiosk.outbox().flush();
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        kiosk.close();
        link.close();
        slot.remove();
    }
}
