package dev.shomei.protocol.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The union of the former center-server and record-backend TotpTest classes (each module had its own copy
 * of Totp); both appendix B tables are kept, in their original row order.
 */
class TotpTest {
    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    private static byte[] seed(Totp.Algorithm algorithm) {
        return switch (algorithm) {
            case SHA1 -> SEED_SHA1;
            case SHA256 -> SEED_SHA256;
            case SHA512 -> SEED_SHA512;
        };
    }

    /** RFC 6238 appendix B: every row of the test-vector table. */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, SHA1", "59, 46119246, SHA256", "59, 90693936, SHA512",
            "1111111109, 07081804, SHA1", "1111111109, 68084774, SHA256", "1111111109, 25091201, SHA512",
            "1111111111, 14050471, SHA1", "1111111111, 67062674, SHA256", "1111111111, 99943326, SHA512",
            "1234567890, 89005924, SHA1", "1234567890, 91819424, SHA256", "1234567890, 93441116, SHA512",
            "2000000000, 69279037, SHA1", "2000000000, 90698825, SHA256", "2000000000, 38618901, SHA512",
            "20000000000, 65353130, SHA1", "20000000000, 77737706, SHA256", "20000000000, 47863826, SHA512"})
    void rfc6238AppendixB(long seconds, String expected, Totp.Algorithm algorithm) {
        assertEquals(expected, new Totp(algorithm, 8).code(seed(algorithm), Instant.ofEpochSecond(seconds)));
    }

    /** RFC 6238 appendix B again, grouped by algorithm (formerly record-backend's copy of this test). */
    @ParameterizedTest
    @CsvSource({
            "59, SHA1, 94287082", "1111111109, SHA1, 07081804", "1111111111, SHA1, 14050471",
            "1234567890, SHA1, 89005924", "2000000000, SHA1, 69279037", "20000000000, SHA1, 65353130",
            "59, SHA256, 46119246", "1111111109, SHA256, 68084774", "1111111111, SHA256, 67062674",
            "1234567890, SHA256, 91819424", "2000000000, SHA256, 90698825", "20000000000, SHA256, 77737706",
            "59, SHA512, 90693936", "1111111109, SHA512, 25091201", "1111111111, SHA512, 99943326",
            "1234567890, SHA512, 93441116", "2000000000, SHA512, 38618901", "20000000000, SHA512, 47863826"})
    void rfc6238AppendixBByAlgorithm(long seconds, Totp.Algorithm algorithm, String expected) {
        assertEquals(expected, new Totp(algorithm, 8).code(seed(algorithm), Instant.ofEpochSecond(seconds)));
    }

    /** RFC 4226 appendix D: HOTP values for counters 0..9 (the truncation TOTP is built on). */
    @Test
    void rfc4226AppendixD() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        Totp totp = Totp.standard();
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], totp.codeForStep(SEED_SHA1, counter), "counter " + counter);
        }
    }

    @Test
    void sixDigitsAreTheLowDigitsOfTheSameValue() {
        assertEquals("287082", Totp.standard().code(SEED_SHA1, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.standard().code(SEED_SHA1, Instant.ofEpochSecond(1111111109)));
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndReportsTheStep() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now), now));
        assertEquals(OptionalLong.of(step - 1), totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.minusSeconds(30)), now));
        assertEquals(OptionalLong.of(step + 1), totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.plusSeconds(30)), now));
        assertFalse(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.minusSeconds(90)), now).isPresent());
    }

    @Test
    void acceptsOneStepOfDriftAndReturnsTheStep() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        assertEquals(step - 1, totp.verify(SEED_SHA1, totp.codeForStep(SEED_SHA1, step - 1), now).orElseThrow());
        assertEquals(step + 1, totp.verify(SEED_SHA1, totp.codeForStep(SEED_SHA1, step + 1), now).orElseThrow());
        assertFalse(totp.verify(SEED_SHA1, totp.codeForStep(SEED_SHA1, step - 2), now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "12345", now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "12345a", now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, null, now).isPresent());
    }

    @Test
    void refusesMalformedCodes() {
        Totp totp = Totp.standard();
        Instant now = Instant.ofEpochSecond(59);
        assertFalse(totp.verify(SEED_SHA1, null, now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "", now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "28708", now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "2870822", now).isPresent());
        assertFalse(totp.verify(SEED_SHA1, "28708a", now).isPresent());
    }

    @Test
    void enrolmentUriCarriesTheBase32Secret() {
        byte[] secret = Totp.newSecret(new SecureRandom());
        String uri = Totp.standard().enrolmentUri("shomei center", "admin", secret);
        assertTrue(uri.startsWith("otpauth://totp/shomei%20center:admin?secret=" + Base32.encode(secret)), uri);
        assertTrue(uri.contains("digits=6") && uri.contains("period=30"), uri);
    }

    @Test
    void enrolmentUriNamesIssuerAccountAndParameters() {
        String uri = Totp.standard().enrolmentUri("shomei clerk console", "clerk-a", SEED_SHA1);
        assertTrue(uri.startsWith("otpauth://totp/shomei%20clerk%20console:clerk-a?secret="), uri);
        assertTrue(uri.contains("secret=" + Base32.encode(SEED_SHA1)));
        assertTrue(uri.endsWith("&algorithm=SHA1&digits=6&period=30"), uri);
    }
}
