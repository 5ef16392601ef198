package dev.shomei.kiosk;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.card.sim.VirtualCard;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.cash.cctalk.CcTalkBus;
import dev.shomei.kiosk.cash.cctalk.CcTalkCoinUnit;
import dev.shomei.kiosk.cash.cctalk.JSerialCommLine;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.kiosk.demo.DemoCard;
import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.kiosk.device.PcscCardReader;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.Printers;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.web.KioskWebServer;
import dev.shomei.kiosk.web.SimulatedHardware;
import dev.shomei.protocol.CliOptions;
import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.LogLineFormat;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.CaKeyGuard;
import dev.shomei.protocol.pki.KeyDirectory;
import dev.shomei.protocol.pki.KeySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * {@code ./shomei kiosk serve [--demo] [--keys DIR] [--terminal K0001] [--center 127.0.0.1:8420,...]
 * [--reader NAME] [--printer tray:DIR|ipp:NAME] [--coins SERIAL-DEVICE] [--port 8430] [--demo-card FILE]
 * [--heartbeat-seconds 30]}: the kiosk firmware and its screen on 127.0.0.1. The fee is taken by a
 * ccTalk coin mechanism on {@code --coins} (e.g. /dev/ttyUSB0); without it a kiosk starts only with
 * {@code --demo}, which takes the fee with a simulated coin unit and the screen's coin buttons. With
 * {@code --demo} the reader holds a demo card (through real pcscd + vpcd when they run, else the
 * in-process virtual reader) and prints into a paper tray directory. The kiosk writes nothing
 * personal anywhere; its state directory ({@code <state>/kiosk/}) holds only the outcome journal
 * (transaction ids and results). Keys come from {@code --keys} (default {@code <state>/pki}): the
 * terminal's own key and certificate ({@code terminals/<id>.crt/.key}) and the CA certificate, never
 * created here; without {@code --demo} a readable CA private key there stops the start (a stolen kiosk
 * must not be able to mint certificates).
 */
public final class KioskMain {
    /** Sent in the Hello. */
    public static final String FIRMWARE_VERSION = "shomei-kiosk/0.1.0";
    public static final int DEFAULT_PORT = 8430;
    /** The outcome outbox's file in {@code <state>/kiosk/}: transaction ids and results only. */
    public static final String OUTCOME_JOURNAL = "outcomes.journal";

    private static final String DEMO_BANNER = """
            kiosk: ************************************************************************
            kiosk: DEMO MODE: dev PKI, demo card and paper tray. A real kiosk runs without --demo,
            kiosk: with --keys holding only its own key, certificate and the CA certificate.
            kiosk: ************************************************************************""";

    static final String USAGE = """
            usage: shomei kiosk serve [--demo] [--keys DIR] [--terminal K0001] [--center HOST:PORT,...]
                                      [--reader NAME] [--printer tray:DIR|ipp:NAME] [--coins SERIAL-DEVICE]
                                      [--port 8430] [--demo-card FILE] [--heartbeat-seconds 30]
            Without --demo: --coins is required and --keys holds only the terminal's key, its certificate and the
            CA certificate (docs/operations.md).
            """;

    private KioskMain() {
    }

    public static void main(String[] args) {
        LogLineFormat.useUnlessConfigured();
        if (HelpOption.asked(args)) {
            System.out.print(USAGE);
            System.exit(0);
        }
        if (args.length == 0 || !"serve".equals(args[0])) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("shomei kiosk: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        String refusal = options.paymentRefusal();
        if (refusal != null) {
            System.err.println("shomei kiosk: " + refusal);
            System.exit(2);
        }
        serve(options);
    }

    private static void serve(Options options) {
        Path state = Path.of(System.getProperty("shomei.state", "state"));
        createDirectories(state.resolve("kiosk"));
        Path keysDir = options.keys() != null ? options.keys() : state.resolve("pki");
        if (options.demo()) {
            System.out.println(DEMO_BANNER);
        } else {
            try {
                CaKeyGuard.refuseCaKeys(keysDir);
            } catch (IllegalStateException e) {
                System.err.println("kiosk: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        KeyDirectory pki = KeyDirectory.open(keysDir);
        LineCenterLink center = new LineCenterLink(options.centers(),
                LineTls.clientContext(pki.terminal(options.terminal()), pki.rootCaPem()),
                options.terminal(), FIRMWARE_VERSION, Duration.ofSeconds(20));
        DemoCard demoCard = null;
        CardReaderPort card;
        if (options.demo()) {
            demoCard = DemoCard.start(demoCard(options.demoCard(), state, pki));
            card = demoCard.reader();
            System.out.println("kiosk: demo card in the " + demoCard.description());
        } else {
            card = PcscCardReader.system(options.reader());
            System.out.println("kiosk: card reader " + (options.reader() == null ? "(the only one)" : options.reader()));
        }
        String printerSpec = options.printer() != null ? options.printer()
                : options.demo() ? "tray:" + state.resolve("demo").resolve("paper-tray") : "ipp:kiosk";
        PrinterPort printer = Printers.open(printerSpec);
        System.out.println("kiosk: printer " + printerSpec);
        SimulatedCoinUnit simulatedCoins = null;
        CashUnit cash;
        if (options.coins() != null) {
            cash = openCoinMechanism(options.coins());
            System.out.println("kiosk: cash unit: ccTalk coin mechanism on " + options.coins());
        } else {
            simulatedCoins = new SimulatedCoinUnit();
            cash = simulatedCoins;
            System.out.println("kiosk: *** DEMO: SIMULATED COINS: the fee is paid with the screen's coin buttons; "
                    + "never run a kiosk in a shop like this ***");
        }
        Kiosk kiosk = Kiosk.start(new KioskSession.Devices(card, center, cash, printer),
                Kiosk.Settings.defaults().withHeartbeatInterval(options.heartbeat())
                        .withOutboxJournal(state.resolve("kiosk").resolve(OUTCOME_JOURNAL)), Clock.systemUTC());
        KioskWebServer screen = kiosk.serveScreen(options.port(), new SimulatedHardware(simulatedCoins, demoCard, options.demo()));
        System.out.println("kiosk " + options.terminal() + ": screen " + screen.url() + " (chromium --kiosk "
                + screen.url() + "), centers " + options.centers() + (options.demo() ? " [DEMO: dev PKI, demo card]" : ""));
        CountDownLatch stopped = new CountDownLatch(1);
        DemoCard cardToRemove = demoCard;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kiosk.close();
            center.close();
            if (cash instanceof AutoCloseable device) {
                closeQuietly(device);
            }
            if (cardToRemove != null) {
                cardToRemove.close();
            }
            stopped.countDown();
        }, "kiosk-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The ccTalk coin acceptor and hoppers on a serial line; the kiosk does not start without them. */
    private static CcTalkCoinUnit openCoinMechanism(String device) {
        try {
            return CcTalkCoinUnit.start(new CcTalkBus(JSerialCommLine.open(device), 500), CcTalkCoinUnit.Config.defaults());
        } catch (IOException e) {
            System.err.println("shomei kiosk: the coin mechanism on " + device + " does not answer (" + e.getMessage()
                    + "); the kiosk does not start without a payment device");
            System.exit(2);
            throw new IllegalStateException("unreachable");
        }
    }

    private static void closeQuietly(AutoCloseable device) {
        try {
            device.close();
        } catch (Exception e) {
            System.err.println("kiosk: the coin mechanism did not close cleanly");
        }
    }

    /**
     * The demo card: the file given, else the first card file ({@code *.card} or {@code *.json})
     * the demo set-up left in {@code <state>/demo/cards/} or {@code <state>/demo/} (one whose name
     * contains "ordinary" first), else a fresh in-memory card signed by the dev J-LIS key.
     */
    static VirtualCard demoCard(Path given, Path state, KeyDirectory pki) {
        if (given != null) {
            return VirtualCardFile.open(given);
        }
        Path demo = state.resolve("demo");
        Optional<Path> prepared = firstCardFile(demo.resolve("cards")).or(() -> firstCardFile(demo));
        if (prepared.isPresent()) {
            System.out.println("kiosk: demo card file " + prepared.get().getFileName());
            return VirtualCardFile.open(prepared.get());
        }
        System.out.println("kiosk: no demo card file found; using a fresh virtual card (PIN 1234) nobody has records for");
        return new CardFactory(pki.jlisDevKey(), KeyId.parse(KeySource.JLIS_DEV_KEY_ID))
                .card(CardPerson.sample(new SecureRandom()), "1234");
    }

    static Optional<Path> firstCardFile(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> cards = files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".json")
                    || p.getFileName().toString().endsWith(".card")).sorted().toList();
            return cards.stream().filter(p -> p.getFileName().toString().contains("ordinary")).findFirst()
                    .or(() -> cards.stream().min(Comparator.naturalOrder()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The command line of {@code serve}. */
    record Options(boolean demo, String terminal, List<CenterAddress> centers, String reader, String printer,
                   int port, Path demoCard, Duration heartbeat, String coins, Path keys) {

        /** Why this kiosk must not start for want of a payment device, or null when it may. */
        String paymentRefusal() {
            if (coins == null && !demo) {
                return "no payment device: give --coins SERIAL-DEVICE (the ccTalk coin mechanism, e.g. /dev/ttyUSB0); "
                        + "simulated coins exist only with --demo";
            }
            return null;
        }

        static Options parse(String[] args) {
            var parsed = CliOptions.parse(args, 1,
                    Set.of("--terminal", "--center", "--reader", "--printer", "--port", "--demo-card", "--heartbeat-seconds",
                            "--coins", "--keys"),
                    Set.of("--demo"));
            int port = parsed.integer("--port", DEFAULT_PORT);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535");
            }
            String demoCard = parsed.optional("--demo-card", null);
            int heartbeat = parsed.integer("--heartbeat-seconds", 30);
            if (heartbeat < 1 || heartbeat > 3600) {
                throw new IllegalArgumentException("--heartbeat-seconds must be 1..3600");
            }
            return new Options(parsed.flag("--demo"), parsed.optional("--terminal", "K0001"),
                    CenterAddress.parseList(parsed.optional("--center", "127.0.0.1:8420")),
                    parsed.optional("--reader", null), parsed.optional("--printer", null), port,
                    demoCard == null ? null : Path.of(demoCard), Duration.ofSeconds(heartbeat),
                    parsed.optional("--coins", null),
                    parsed.optional("--keys", null) == null ? null : Path.of(parsed.optional("--keys", null)));
        }
    }
}
