package dev.shomei.record.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords as PBKDF2-HMAC-SHA256 with a random 128-bit salt, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The iteration count travels with the
 * hash, so raising {@link #ITERATIONS} later locks nobody out. Comparison is constant-time; every
 * method wipes the password it was given.
 */
public final class PasswordHasher {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (the floor is 310,000). */
    public static final int ITERATIONS = 600_000;
    public static final int MIN_ITERATIONS = 310_000;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random;

    public PasswordHasher(SecureRandom random) {
        this.random = random;
    }

    /** Whether the password is acceptable: {@value #MIN_LENGTH}..{@value #MAX_LENGTH} characters, not all the same kind. */
    public static boolean isAcceptable(char[] password) {
        if (password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            return false;
        }
        boolean letter = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isLetter(c)) {
                letter = true;
            } else {
                other = true;
            }
        }
        return letter && other;
    }

    /** Hashes {@code password} and wipes it. */
    public String hash(char[] password) {
        try {
            if (!isAcceptable(password)) {
                throw new IllegalArgumentException("a password needs " + MIN_LENGTH + " to " + MAX_LENGTH
                        + " characters with letters and digits or symbols");
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(derive(password, salt, ITERATIONS));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Whether {@code password} matches {@code stored}; wipes the password. A malformed hash never matches. */
    public static boolean matches(char[] password, String stored) {
        try {
            String[] parts = stored == null ? new String[0] : stored.split("\\$");
            if (parts.length != 4 || !PREFIX.equals(parts[0])) {
                return false;
            }
            int iterations = Integer.parseInt(parts[1]);
            if (iterations < MIN_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(derive(password, salt, iterations), expected);
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
