package dev.shomei.record.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B known answers (8 digits), then the product's 6-digit behaviour. */
class TotpTest {
    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, SHA1, 94287082", "1111111109, SHA1, 07081804", "1111111111, SHA1, 14050471",
            "1234567890, SHA1, 89005924", "2000000000, SHA1, 69279037", "20000000000, SHA1, 65353130",
            "59, SHA256, 46119246", "1111111109, SHA256, 68084774", "1111111111, SHA256, 67062674",
            "1234567890, SHA256, 91819424", "2000000000, SHA256, 90698825", "20000000000, SHA256, 77737706",
            "59, SHA512, 90693936", "1111111109, SHA512, 25091201", "1111111111, SHA512, 99943326",
            "1234567890, SHA512, 93441116", "2000000000, SHA512, 38618901", "20000000000, SHA512, 47863826"})
    void rfc6238AppendixB(long seconds, Totp.Algorithm algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case SHA1 -> SHA1_SEED;
            case SHA256 -> SHA256_SEED;
            case SHA512 -> SHA512_SEED;
        };
        assertEquals(expected, new Totp(algorithm, 8).code(seed, Instant.ofEpochSecond(seconds)));
    }

    @Test
    void sixDigitsAreTheLowDigitsOfTheSameValue() {
        assertEquals("287082", Totp.standard().code(SHA1_SEED, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.standard().code(SHA1_SEED, Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void acceptsOneStepOfDriftAndReturnsTheStep() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertEquals(step - 1, totp.verify(SHA1_SEED, totp.codeForStep(SHA1_SEED, step - 1), now).orElseThrow());
        assertEquals(step + 1, totp.verify(SHA1_SEED, totp.codeForStep(SHA1_SEED, step + 1), now).orElseThrow());
        assertFalse(totp.verify(SHA1_SEED, totp.codeForStep(SHA1_SEED, step - 2), now).isPresent());
        assertFalse(totp.verify(SHA1_SEED, "12345", now).isPresent());
        assertFalse(totp.verify(SHA1_SEED, "12345a", now).isPresent());
        assertFalse(totp.verify(SHA1_SEED, null, now).isPresent());
    }

    @Test
    void enrolmentUriNamesIssuerAccountAndParameters() {
        String uri = Totp.standard().enrolmentUri("shomei clerk console", "clerk-a", SHA1_SEED);
        assertTrue(uri.startsWith("otpauth://totp/shomei%20clerk%20console:clerk-a?secret="), uri);
        assertTrue(uri.contains("secret=" + Base32.encode(SHA1_SEED)));
        assertTrue(uri.endsWith("&algorithm=SHA1&digits=6&period=30"), uri);
    }

    @Test
    void base32RoundTripsAndKnowsRfc4648Vectors() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("foobar", new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.encode(SHA1_SEED));
    }
}
