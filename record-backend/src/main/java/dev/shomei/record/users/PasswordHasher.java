package dev.shomei.record.users;

import dev.shomei.consolesecurity.PasswordHashes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Clerk passwords: the shared console hashing ({@link PasswordHashes}: PBKDF2-HMAC-SHA256,
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, 600,000 iterations, one password rule for both
 * consoles) plus the clerk console's floor: a stored hash below {@link #MIN_ITERATIONS} never
 * matches. Every method wipes the password it was given.
 */
public final class PasswordHasher {
    public static final int ITERATIONS = PasswordHashes.ITERATIONS;
    public static final int MIN_ITERATIONS = 310_000;
    public static final int MIN_LENGTH = PasswordHashes.MIN_LENGTH;
    public static final int MAX_LENGTH = PasswordHashes.MAX_LENGTH;

    private final PasswordHashes hashes;

    public PasswordHasher(SecureRandom random) {
        this.hashes = new PasswordHashes(ITERATIONS, random);
    }

    /** Whether the password is acceptable: {@value #MIN_LENGTH}..{@value #MAX_LENGTH} characters, not all letters. */
    public static boolean isAcceptable(char[] password) {
        return PasswordHashes.isAcceptable(password);
    }

    /** Hashes {@code password} and wipes it. */
    public String hash(char[] password) {
        return hashes.hash(password);
    }

    /** Whether {@code password} matches {@code stored} (never below {@link #MIN_ITERATIONS}); wipes the password. */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        try {
            if (parts.length != 4 || Integer.parseInt(parts[1]) < MIN_ITERATIONS) {
                Arrays.fill(password, '\0');
                return false;
            }
        } catch (NumberFormatException e) {
            Arrays.fill(password, '\0');
            return false;
        }
        return PasswordHashes.matches(password, stored);
    }
}
