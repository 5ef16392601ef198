package dev.shomei.protocol.otp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Base32Test {
    /** RFC 4648 section 10, padding dropped; both decoders read the plain form alike. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void rfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertEquals(encoded, Base32.encode(bytes));
        assertArrayEquals(bytes, Base32.decode(encoded));
        assertArrayEquals(bytes, Base32.decode(encoded.toLowerCase() + "===="));
        assertArrayEquals(bytes, Base32.decodeAllowingHyphens(encoded));
        assertArrayEquals(bytes, Base32.decodeAllowingHyphens(encoded.toLowerCase() + "===="));
    }

    @Test
    void refusesForeignCharacters() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW1"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decodeAllowingHyphens("MZXW1"));
    }

    /** Formerly record-backend's TotpTest.base32RoundTripsAndKnowsRfc4648Vectors. */
    @Test
    void base32RoundTripsAndKnowsRfc4648Vectors() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("foobar", new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
                Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every length of a last group (0..4 leftover bytes) comes back, and spaces between groups do not matter. */
    @Test
    void roundTripsEveryLength() {
        java.util.Random random = new java.util.Random(16);
        for (int length = 0; length <= 41; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String encoded = Base32.encode(bytes);
            assertEquals((length * 8 + 4) / 5, encoded.length(), "no padding, length " + length);
            assertArrayEquals(bytes, Base32.decode(encoded));
            assertArrayEquals(bytes, Base32.decode(encoded.replaceAll("(.{4})", "$1 ")));
            assertArrayEquals(bytes, Base32.decodeAllowingHyphens(encoded.replaceAll("(.{4})", "$1-")));
        }
    }

    /** The one difference between the two callers: the center skips hyphens, the record backend refuses them. */
    @Test
    void onlyTheLenientDecoderSkipsHyphens() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW-6YTB-OI"));
        assertEquals("foobar", new String(Base32.decodeAllowingHyphens("mzxw-6ytb oi=="), StandardCharsets.US_ASCII));
    }
}
