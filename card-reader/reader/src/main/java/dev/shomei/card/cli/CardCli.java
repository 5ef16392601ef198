package dev.shomei.card.cli;

import dev.shomei.card.transport.PcscReaders;
import dev.shomei.protocol.HelpOption;
import dev.shomei.protocol.pki.KeyDirectory;
import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * {@code ./shomei card ...}; {@code args} are everything after {@code card}. Exit codes: 0 all
 * OK, 1 a step failed, 2 bad arguments.
 */
public final class CardCli {
    static final String USAGE = """
            usage: shomei card new --out FILE [--my-number N] [--name S] [--kana S] [--address S]
                                   [--birth YYYYMMDD] [--sex 0|1|2|9] [--pin NNNN] [--tries 0-3]
                     writes a virtual My Number card signed by the dev J-LIS key (a valid My Number is
                     generated when none is given)
                   shomei card read [--reader NAME] [--pin NNNN] [--show-data] [--trust dev|test|production]
                                    [--wait SECONDS] [--trace]
                     field diagnostic: reader, card, AP, tries left, PIN, each file, signature -> OK/NG;
                     asks for the PIN without echo when --pin is not given (--pin only for test cards: a
                     command line is visible to every user's ps); the 4 info only with --show-data
                   shomei card vpcd --card FILE [--host 127.0.0.1] [--port 35963]
                     puts the card file into pcscd's reader "Virtual PCD 00 00" until Ctrl-C
            """;

    /** Reads a PIN without echo; null when there is no console. */
    interface PinPrompt {
        char[] read(String prompt);
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<PcscReaders> readers;
    /** The dev J-LIS CA key pair that signs virtual cards, read when a command needs it. */
    private final Supplier<KeyPair> jlisDevKey;
    private final PinPrompt pinPrompt;
    private final RandomGenerator random;

    CardCli(PrintStream out, PrintStream err, Supplier<PcscReaders> readers, Supplier<KeyPair> jlisDevKey, PinPrompt pinPrompt,
            RandomGenerator random) {
        this.out = out;
        this.err = err;
        this.readers = readers;
        this.jlisDevKey = jlisDevKey;
        this.pinPrompt = pinPrompt;
        this.random = random;
    }

    public static void main(String[] args) {
        CardCli cli = new CardCli(System.out, System.err, PcscReaders::system,
                () -> KeyDirectory.open(Path.of(System.getProperty("shomei.state", "state"), "pki")).jlisDevKey(),
                CardCli::consolePin, new SecureRandom());
        int code = cli.run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    int run(String[] args) {
        try {
            if (args.length == 0) {
                throw new UsageException("a command is required");
            }
            if (HelpOption.asked(args)) {
                out.print(USAGE);
                return 0;
            }
            return switch (args[0]) {
                case "new" -> new CardNewCommand(out, jlisDevKey, random).run(args);
                case "read" -> new CardReadCommand(out, readers, jlisDevKey, pinPrompt).run(args);
                case "vpcd" -> new CardVpcdCommand(out).run(args);
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("shomei card: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }

    private static char[] consolePin(String prompt) {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] pin = console.readPassword("%s", prompt);
        return pin == null ? null : Arrays.copyOf(pin, pin.length);
    }
}
