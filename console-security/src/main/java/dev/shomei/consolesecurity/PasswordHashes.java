package dev.shomei.consolesecurity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Console passwords (operators and clerks alike) as PBKDF2-HMAC-SHA256 with a random 128-bit salt,
 * stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64) — the format both consoles have
 * always stored, so existing hashes keep working. The iteration count travels with the hash; a hash
 * below the current count {@link #needsRehash needs a rehash}, which the consoles do at the next
 * successful login. Comparison is constant-time; every method wipes the password it was given.
 * Hand-written on the JDK's own PBKDF2 (no extra library): the format is fixed by the stored hashes.
 */
public final class PasswordHashes {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final SecureRandom random;

    /** @param iterations PBKDF2 iterations for new hashes ({@link #ITERATIONS}; tests use fewer) */
    public PasswordHashes(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
    }

    public int iterations() {
        return iterations;
    }

    /** The one password rule of both consoles: {@value #MIN_LENGTH}..{@value #MAX_LENGTH} characters, not all letters. */
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

    public static String rule() {
        return "a password needs " + MIN_LENGTH + " to " + MAX_LENGTH
                + " characters with letters and digits, spaces or symbols";
    }

    /** Hashes {@code password} and wipes it; refuses a password that breaks the rule. */
    public String hash(char[] password) {
        try {
            if (!isAcceptable(password)) {
                throw new IllegalArgumentException(rule());
            }
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                    + b64.encodeToString(derive(password, salt, iterations));
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
            int rounds = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return rounds > 0 && MessageDigest.isEqual(derive(password, salt, rounds), expected);
        } catch (IllegalArgumentException e) {
            return false;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Whether {@code stored} was made with fewer iterations than this hasher uses (rehash at the next login). */
    public boolean needsRehash(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            return parts.length != 4 || !PREFIX.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int rounds) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
