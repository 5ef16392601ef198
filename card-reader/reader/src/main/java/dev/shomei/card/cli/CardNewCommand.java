package dev.shomei.card.cli;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.protocol.pki.KeySource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** {@code card new}: writes a virtual card file signed by the dev J-LIS key. */
final class CardNewCommand {
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final PrintStream out;
    private final Supplier<KeyPair> jlisDevKey;
    private final RandomGenerator random;

    CardNewCommand(PrintStream out, Supplier<KeyPair> jlisDevKey, RandomGenerator random) {
        this.out = out;
        this.jlisDevKey = jlisDevKey;
        this.random = random;
    }

    int run(String[] args) {
        CliArgs a = CliArgs.parse(args, 1,
                Set.of("--out", "--my-number", "--name", "--kana", "--address", "--birth", "--sex", "--pin", "--tries"),
                Set.of());
        Path target = Path.of(a.required("--out"));
        MyNumber myNumber;
        if (a.value("--my-number") == null) {
            myNumber = MyNumber.generate(random);
        } else {
            try {
                myNumber = MyNumber.parse(a.value("--my-number"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--my-number: " + e.getMessage());
            }
        }
        String name = nonBlank(a, "--name", CardPerson.DEFAULT_NAME);
        String kana = a.value("--kana", a.value("--name") == null ? CardPerson.DEFAULT_KANA : null);
        String address = nonBlank(a, "--address", CardPerson.DEFAULT_ADDRESS);
        LocalDate birth = birthDate(a.value("--birth"));
        Sex sex = sex(a.value("--sex", "2"));
        String pin = a.value("--pin", "1234");
        if (!pin.matches("[0-9]{4}")) {
            throw new UsageException("--pin must be exactly 4 digits");
        }
        int tries = a.intValue("--tries", 3, 0, 3);

        CardPerson person = new CardPerson(myNumber, name, kana, address, birth, sex);
        CardFactory factory = new CardFactory(jlisDevKey.get(), KeyId.parse(KeySource.JLIS_DEV_KEY_ID));
        factory.personalise(person, pin, tries).write(target);
        out.println("wrote " + target + ": virtual My Number card " + myNumber.masked() + ", signed by J-LIS dev key "
                + KeySource.JLIS_DEV_KEY_ID + ", " + tries + " PIN tries left");
        myNumber.wipe();
        return 0;
    }

    private static String nonBlank(CliArgs a, String option, String fallback) {
        String v = a.value(option, fallback);
        if (v.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return v;
    }

    private static LocalDate birthDate(String text) {
        if (text == null) {
            return CardPerson.DEFAULT_BIRTH_DATE;
        }
        try {
            return LocalDate.parse(text, BIRTH);
        } catch (DateTimeParseException e) {
            throw new UsageException("--birth must be a date YYYYMMDD");
        }
    }

    private static Sex sex(String text) {
        if (text.length() != 1) {
            throw new UsageException("--sex must be 0, 1, 2 or 9");
        }
        try {
            return Sex.ofCode(text.charAt(0));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sex must be 0, 1, 2 or 9");
        }
    }
}
