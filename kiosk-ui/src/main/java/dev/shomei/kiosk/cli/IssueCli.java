package dev.shomei.kiosk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.kiosk.Kiosk;
import dev.shomei.kiosk.KioskMain;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.kiosk.demo.DemoCard;
import dev.shomei.kiosk.device.Printers;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.voice.Speaker;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.CliOptions;
import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.LogLineFormat;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.KeyDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./shomei issue --card F --pin P --municipality CODE --type domestic|overseas [--copies N]
 * --out DIR [--center HOST:PORT,...] [--terminal K0002] [--language ja|en] [--keys DIR]}: one kiosk transaction
 * without the browser, on the same session state machine — the virtual card from file F in an
 * in-process virtual reader, the demo's center, a paper tray at DIR, coins inserted automatically.
 * Prints ONE JSON line and exits 0 when the certificate printed, 1 when refused, 2 on bad usage.
 */
public final class IssueCli {
    private static final System.Logger LOG = System.getLogger(IssueCli.class.getName());
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    /** The demo kiosk is K0001; headless runs take another terminal so both can be online. */
    public static final String DEFAULT_TERMINAL = "K0002";

    static final String USAGE = """
            usage: shomei issue --card FILE --pin NNNN --municipality CODE --type domestic|overseas [--copies N]
                                --out DIR [--center HOST:PORT,...] [--terminal K0002] [--language ja|en] [--keys DIR]
            One kiosk transaction against the running demo; prints one JSON line (exit 0 printed, 1 refused, 2 usage).
            """;

    private IssueCli() {
    }

    public static void main(String[] args) {
        LogLineFormat.useUnlessConfigured();
        System.exit(run(args, System.out, Path.of(System.getProperty("shomei.state", "state"))));
    }

    /**
     * Runs the command; the one JSON line goes to {@code out}; returns the exit code.
     *
     * @param stateDir where the dev PKI is ({@code <state>/pki}): the terminal's certificate and the trusted CA
     */
    public static int run(String[] args, PrintStream out, Path stateDir) {
        return run(args, out, stateDir, Clock.systemUTC());
    }

    /** With the kiosk's clock (service hours are checked against it). */
    static int run(String[] args, PrintStream out, Path stateDir, Clock clock) {
        if (HelpOption.asked(args)) {
            out.print(USAGE);
            return 0;
        }
        ObjectMapper json = new ObjectMapper();
        CliOptions options;
        HeadlessIssue.Order order;
        Path cardFile;
        Path outDir;
        try {
            options = CliOptions.parse(args, 0, Set.of("--card", "--pin", "--municipality", "--type", "--copies", "--out",
                    "--center", "--terminal", "--language", "--keys"), Set.of());
            cardFile = Path.of(options.required("--card"));
            outDir = Path.of(options.required("--out"));
            order = new HeadlessIssue.Order(language(options.optional("--language", "ja")),
                    type(options.required("--type")), options.required("--municipality"),
                    options.integer("--copies", 1), options.required("--pin").toCharArray());
        } catch (IllegalArgumentException e) {
            out.println(failure(json, "ERROR", ErrorCode.INVALID_REQUEST, e.getMessage(), -1));
            return 2;
        }
        try {
            Files.createDirectories(outDir);
            Set<Path> before = listPdfs(outDir);
            HeadlessIssue.Result result = issue(options, cardFile, outDir, order, stateDir, clock);
            if (!result.printed()) {
                out.println(failure(json, "REFUSED", result.error(), result.error().messageEn(), result.triesLeft()));
                return 1;
            }
            ObjectNode line = json.createObjectNode();
            line.put("result", "PRINTED");
            line.put("transactionId", result.transactionId());
            ArrayNode ids = line.putArray("certificateIds");
            result.certificateIds().forEach(ids::add);
            line.put("copies", order.copies());
            line.put("feeYen", result.feeYen());
            ArrayNode files = line.putArray("files");
            listPdfs(outDir).stream().filter(p -> !before.contains(p)).sorted()
                    .forEach(p -> files.add(p.toAbsolutePath().toString()));
            out.println(line);
            return 0;
        } catch (ShomeiException e) {
            out.println(failure(json, "REFUSED", e.code(), e.code().messageEn(), -1));
            return 1;
        } catch (IOException | UncheckedIOException e) {
            LOG.log(Level.ERROR, "issue failed: {0}", e.getClass().getName());
            out.println(failure(json, "ERROR", ErrorCode.INTERNAL, "cannot use the card file or the output directory", -1));
            return 1;
        } finally {
            java.util.Arrays.fill(order.pin(), '\0');
        }
    }

    private static HeadlessIssue.Result issue(CliOptions options, Path cardFile, Path outDir, HeadlessIssue.Order order,
                                              Path stateDir, Clock clock) {
        String keys = options.optional("--keys", null);
        KeyDirectory pki = KeyDirectory.open(keys != null ? Path.of(keys) : stateDir.resolve("pki"));
        String terminal = options.optional("--terminal", DEFAULT_TERMINAL);
        List<CenterAddress> centers = CenterAddress.parseList(options.optional("--center", "127.0.0.1:8420"));
        SimulatedCoinUnit coins = new SimulatedCoinUnit();
        try (LineCenterLink center = new LineCenterLink(centers, LineTls.clientContext(pki.terminal(terminal), pki.rootCaPem()),
                terminal, KioskMain.FIRMWARE_VERSION, Duration.ofSeconds(30));
             DemoCard card = DemoCard.inProcess(VirtualCardFile.open(cardFile));
             Kiosk kiosk = Kiosk.start(new KioskSession.Devices(card.reader(), center, coins, Printers.open("tray:" + outDir)),
                     // a headless run has no resident at a screen: no voice
                     Kiosk.Settings.defaults().withSpeaker(Speaker.SILENT), clock)) {
            return new HeadlessIssue(kiosk.session(), card, coins).run(order, RUN_TIMEOUT);
        }
    }

    private static Language language(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "ja" -> Language.JA;
            case "en" -> Language.EN;
            default -> throw new IllegalArgumentException("--language must be ja or en");
        };
    }

    private static CertificateType type(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "domestic" -> CertificateType.DOMESTIC;
            case "overseas" -> CertificateType.OVERSEAS;
            default -> throw new IllegalArgumentException("--type must be domestic or overseas");
        };
    }

    private static Set<Path> listPdfs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return Set.copyOf(files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).toList());
        }
    }

    /** {@code result} is REFUSED (the kiosk or the center said no) or ERROR (bad usage, broken set-up). */
    private static String failure(ObjectMapper json, String result, ErrorCode code, String message, int triesLeft) {
        ObjectNode line = json.createObjectNode();
        line.put("result", result);
        line.put("error", code.name());
        line.put("message", message);
        if (triesLeft >= 0) {
            line.put("triesLeft", triesLeft);
        }
        return line.toString();
    }
}
