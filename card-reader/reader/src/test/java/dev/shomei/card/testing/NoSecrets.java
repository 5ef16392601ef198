package dev.shomei.card.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.shomei.card.apdu.Hex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** Asserts that text (a log, an output) holds none of {@link TestCards}' secrets. */
public final class NoSecrets {
    private NoSecrets() {
    }

    /**
     * No PIN (as text or as the ASCII hex a VERIFY carries), no My Number (text, hex, last 8), no 4 info.
     * The 4-digit PINs are matched only when not inside a hex dump: public EF 0004 may contain them by chance.
     */
    public static void assertNone(String log) {
        for (String pin : new String[] {TestCards.PIN, "9876"}) {
            assertFalse(Pattern.compile("(?<![0-9A-Fa-f])" + pin + "(?![0-9A-Fa-f])").matcher(log).find(), "log contains " + pin);
        }
        for (String secret : secrets()) {
            assertFalse(log.contains(secret), "log contains " + secret);
        }
    }

    private static List<String> secrets() {
        String ef0001Hex = Hex.of(TestCards.MY_NUMBER.getBytes(StandardCharsets.US_ASCII));
        return List.of(
                Hex.of(TestCards.PIN.getBytes(StandardCharsets.US_ASCII)), Hex.of("9876".getBytes(StandardCharsets.US_ASCII)),
                TestCards.MY_NUMBER, ef0001Hex, ef0001Hex.substring(8), "56789018",
                TestCards.NAME, "𠮷", Hex.of("試験".getBytes(StandardCharsets.UTF_8)),
                TestCards.ADDRESS, "文京区", Hex.of("文京区".getBytes(StandardCharsets.UTF_8)),
                "19900228");
    }
}
