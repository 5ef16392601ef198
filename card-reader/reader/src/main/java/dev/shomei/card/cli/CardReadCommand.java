package dev.shomei.card.cli;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardDataVerifier;
import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.card.data.VerifiedCardData;
import dev.shomei.card.myna.InputAssistApClient;
import dev.shomei.card.transport.PcscReader;
import dev.shomei.card.transport.PcscReaders;
import dev.shomei.card.transport.PcscTransport;
import dev.shomei.card.transport.TracingTransport;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.pki.KeySource;
import java.io.PrintStream;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code card read}: walks reader, card, AP, tries left, PIN, each file and the signature, one
 * OK/NG line each, and stops at the first NG. The My Number is never printed in full; the 4 info
 * only with {@code --show-data}, and only once verified.
 */
final class CardReadCommand {
    private final PrintStream out;
    private final Supplier<PcscReaders> readers;
    private final Supplier<KeyPair> jlisDevKey;
    private final CardCli.PinPrompt pinPrompt;

    CardReadCommand(PrintStream out, Supplier<PcscReaders> readers, Supplier<KeyPair> jlisDevKey, CardCli.PinPrompt pinPrompt) {
        this.out = out;
        this.readers = readers;
        this.jlisDevKey = jlisDevKey;
        this.pinPrompt = pinPrompt;
    }

    int run(String[] args) {
        CliArgs a = CliArgs.parse(args, 1, Set.of("--reader", "--pin", "--trust", "--wait"), Set.of("--show-data", "--trace"));
        TrustedCardKeys.Profile profile;
        try {
            profile = TrustedCardKeys.Profile.parse(a.value("--trust", "dev"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trust must be dev, test or production");
        }
        Duration wait = Duration.ofSeconds(a.intValue("--wait", 5, 0, 600));
        char[] pin = a.value("--pin") == null ? null : a.value("--pin").toCharArray();
        if (a.flag("--trace")) {
            enableTrace();
        }
        DiagnosticSteps steps = new DiagnosticSteps(out);
        try {
            int code = walk(steps, a.value("--reader"), pin, profile, wait, a.flag("--show-data"));
            out.println(code == 0 ? "result: OK" : "result: NG at " + steps.failedStep());
            return code;
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    private int walk(DiagnosticSteps steps, String readerName, char[] pinArgument, TrustedCardKeys.Profile profile,
                     Duration wait, boolean showData) {
        PcscReader reader;
        try {
            PcscReaders all = readers.get();
            reader = all.choose(readerName);
            steps.ok("reader", reader.name() + " (readers: " + all.names() + ")");
        } catch (RuntimeException e) {
            return steps.ng("reader", reason(e));
        }

        CountingTransport counter;
        PcscTransport pcsc;
        try {
            if (!reader.waitForCardPresent(wait)) {
                return steps.ng("card", "no card in " + reader.name() + " after " + wait.toSeconds() + " s");
            }
            pcsc = reader.connect();
            counter = new CountingTransport(new TracingTransport(pcsc));
            steps.ok("card", "ATR " + Hex.of(pcsc.atr()) + ", protocol " + pcsc.protocol());
        } catch (RuntimeException e) {
            return steps.ng("card", reason(e));
        }

        try (counter) {
            int code = walkCard(steps, counter, pinArgument, profile, showData);
            steps.info("APDUs sent: " + counter.count());
            return code;
        }
    }

    private int walkCard(DiagnosticSteps steps, CountingTransport transport, char[] pinArgument,
                         TrustedCardKeys.Profile profile, boolean showData) {
        InputAssistApClient ap;
        try {
            ap = InputAssistApClient.select(transport);
            steps.ok("input-assist AP", "selected");
        } catch (RuntimeException e) {
            return steps.ng("input-assist AP", reason(e));
        }

        int tries;
        try {
            tries = ap.triesLeft();
        } catch (RuntimeException e) {
            return steps.ng("PIN tries left", reason(e));
        }
        if (tries == 0) {
            return steps.ng("PIN tries left", "0: the PIN is blocked; only the municipal office can unlock it");
        }
        steps.ok("PIN tries left", String.valueOf(tries));

        char[] pin = pinArgument != null ? pinArgument.clone()
                : pinPrompt.read("input-assist PIN (4 digits, " + tries + " tries left): ");
        if (pin == null) {
            return steps.ng("PIN", "no console to ask for the PIN; pass --pin");
        }
        try {
            ap.verifyPin(pin); // wipes pin
            steps.ok("PIN", "verified");
        } catch (RuntimeException e) {
            return steps.ng("PIN", reason(e));
        }

        byte[] ef0001 = null;
        byte[] ef0002 = null;
        byte[] ef0003 = null;
        byte[] ef0004 = null;
        String step = "EF 0001 (My Number)";
        try {
            ef0001 = ap.readMyNumberFile();
            steps.ok(step, ef0001.length + " bytes");
            step = "EF 0002 (basic 4 info)";
            ef0002 = ap.readBasicInfoFile();
            steps.ok(step, ef0002.length + " bytes");
            step = "EF 0003 (hashes and signature)";
            ef0003 = ap.readSignatureFile();
            steps.ok(step, ef0003.length + " bytes");
            step = "EF 0004 (CV certificate)";
            ef0004 = ap.readCertificate();
            steps.ok(step, ef0004.length + " bytes");
        } catch (RuntimeException e) {
            wipeAll(ef0001, ef0002, ef0003, ef0004);
            return steps.ng(step, reason(e));
        }

        try (CardFiles files = new CardFiles(ef0001, ef0002, ef0003, ef0004)) {
            VerifiedCardData data;
            try {
                data = new CardDataVerifier(trustedKeys(profile)).verify(files);
            } catch (RuntimeException e) {
                return steps.ng("signature", reason(e) + " (trust: " + profile + ")");
            }
            steps.ok("signature", "CV certificate under " + data.issuerKeyId()
                    + ", EF 0003 signature, EF 0001/0002 hashes (trust: " + profile + ")");
            steps.info("My Number: " + data.myNumber().masked());
            if (showData) {
                steps.info("name: " + data.name());
                steps.info("address: " + data.address());
                steps.info("birth date: " + data.birthDate());
                steps.info("sex: " + data.sex().code() + " (" + data.sex() + ")");
            } else {
                steps.info("4 info hidden (--show-data shows them)");
            }
            data.wipe();
            return 0;
        }
    }

    private TrustedCardKeys trustedKeys(TrustedCardKeys.Profile profile) {
        return TrustedCardKeys.forProfile(profile, KeyId.parse(KeySource.JLIS_DEV_KEY_ID),
                () -> jlisDevKey.get().getPublic());
    }

    private static String reason(RuntimeException e) {
        if (e instanceof ShomeiException shomei) {
            return shomei.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void wipeAll(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    /** Masked APDU trace to stderr. */
    private static void enableTrace() {
        Logger logger = Logger.getLogger(TracingTransport.LOGGER);
        logger.setLevel(Level.FINE);
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.FINE);
        logger.addHandler(handler);
    }
}
