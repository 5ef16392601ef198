package dev.shomei.protocol.otp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 (HOTP truncation of RFC 4226 over 30-second steps from the
 * Unix epoch). The product uses {@link #standard()}: HMAC-SHA-1, 6 digits, what every authenticator
 * app understands. A code is accepted one step early or late for clock drift; {@link #verify}
 * returns the matching step so that the caller can refuse the same step twice (replay). Shared by the
 * record backend's clerk console and the center's operator console.
 */
public final class Totp {
    public static final int STEP_SECONDS = 30;
    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The HMAC of RFC 6238: SHA-1 (the default of apps), SHA-256, SHA-512. */
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

    /** HMAC-SHA-1, 6 digits, 30 seconds. */
    public static Totp standard() {
        return new Totp(Algorithm.SHA1, 6);
    }

    /** A new random 160-bit secret (the length RFC 4226 recommends). */
    public static byte[] newSecret(SecureRandom random) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return secret;
    }

    public static long step(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), STEP_SECONDS);
    }

    /** The code at {@code time}, zero-padded. */
    public String code(byte[] secret, Instant time) {
        return codeForStep(secret, step(time));
    }

    /** The code of one time step (HOTP with the step as counter). */
    public String codeForStep(byte[] secret, long step) {
        String text = Integer.toString(truncate(secret, step));
        return "0".repeat(digits - text.length()) + text;
    }

    /** The step {@code code} matches at {@code time} (±1 step), or empty; every candidate is compared. */
    public OptionalLong verify(byte[] secret, String code, Instant time) {
        if (code == null || code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long now = step(time);
        OptionalLong matched = OptionalLong.empty();
        for (long step = now - 1; step <= now + 1; step++) {
            if (MessageDigest.isEqual(codeForStep(secret, step).getBytes(StandardCharsets.US_ASCII),
                    code.getBytes(StandardCharsets.US_ASCII))) {
                matched = OptionalLong.of(step);
            }
        }
        return matched;
    }

    /** The otpauth:// URI an authenticator app enrols from (shown as a QR code). */
    public String enrolmentUri(String issuer, String account, byte[] secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(issuer) + "&algorithm=" + algorithm.name() + "&digits=" + digits
                + "&period=" + STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
            throw new IllegalStateException(algorithm.jca + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0F;
        int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
                | ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
        return binary % POWERS[digits];
    }
}
