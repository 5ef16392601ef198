package dev.shomei.center.console.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over the HOTP truncation of RFC 4226): what an
 * authenticator app shows. 30-second steps from the Unix epoch; a code is accepted one step
 * early or late for clock drift.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The MAC algorithm; authenticator apps default to SHA-1. */
    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256"), SHA512("HmacSHA512");

        private final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private final Algorithm algorithm;
    private final int digits;

    public Totp(Algorithm algorithm, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("TOTP codes have 6 to 8 digits");
        }
        this.algorithm = algorithm;
        this.digits = digits;
    }

    /** SHA-1, 6 digits: what every authenticator app understands. */
    public static Totp standard() {
        return new Totp(Algorithm.SHA1, 6);
    }

    /** A new random 160-bit secret (the RFC 4226 recommended length). */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    /** The time step {@code time} falls in. */
    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for {@code time}, zero-padded to the configured digits. */
    public String code(byte[] secret, Instant time) {
        return format(truncate(secret, step(time)));
    }

    /** The code for a given step (RFC 4226 HOTP with counter = step). */
    public String codeForStep(byte[] secret, long step) {
        return format(truncate(secret, step));
    }

    /**
     * Checks {@code code} at {@code time} allowing one step of drift either way, and returns the
     * step it matched, so the caller can refuse a second use of the same step (replay).
     */
    public OptionalLong verify(byte[] secret, String code, Instant time) {
        if (code == null || code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long now = step(time);
        OptionalLong matched = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            // compare every candidate in constant time, and do not stop early
            if (MessageDigest.isEqual(codeForStep(secret, step).getBytes(), code.getBytes())) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** otpauth:// URI for enrolling the secret in an authenticator app. */
    public String enrolmentUri(String issuer, String account, byte[] secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=" + algorithm.name() + "&digits=" + digits + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private int truncate(byte[] secret, long counter) {
        byte[] message = new byte[8];
        for (int i = 7; i >= 0; i--) {
            message[i] = (byte) counter;
            counter >>>= 8;
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, "RAW"));
            hash = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable", e);
        }
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24)
                | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8)
                | (hash[offset + 3] & 0xFF);
        return binary % POWERS[digits];
    }

    private String format(int value) {
        String text = Integer.toString(value);
        return "0".repeat(digits - text.length()) + text;
    }
}
