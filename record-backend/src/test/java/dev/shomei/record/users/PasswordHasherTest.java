package dev.shomei.record.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void hashIsSaltedPbkdf2WithAtLeast310000Iterations() throws Exception {
        String first = hasher.hash("correct horse 42".toCharArray());
        String second = hasher.hash("correct horse 42".toCharArray());
        assertNotEquals(first, second, "a random salt per hash");
        String[] parts = first.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        int iterations = Integer.parseInt(parts[1]);
        assertTrue(iterations >= 310_000, "iterations " + iterations);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        // an independent derivation with the JDK gives the stored hash
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                "correct horse 42".toCharArray(), Base64.getDecoder().decode(parts[2]), iterations, 256)).getEncoded();
        assertEquals(Base64.getEncoder().withoutPadding().encodeToString(expected), parts[3]);
    }

    @Test
    void matchesOnlyTheRightPasswordAndWipesTheInput() {
        String stored = hasher.hash("correct horse 42".toCharArray());
        char[] attempt = "correct horse 42".toCharArray();
        assertTrue(PasswordHasher.matches(attempt, stored));
        assertEquals("\0".repeat(16), new String(attempt), "the password array is wiped");
        assertFalse(PasswordHasher.matches("correct horse 43".toCharArray(), stored));
        assertFalse(PasswordHasher.matches("correct horse 42".toCharArray(), "garbage"));
        assertFalse(PasswordHasher.matches("correct horse 42".toCharArray(), null));
    }

    @Test
    void aHashWithTooFewIterationsNeverMatches() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] weak = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                "correct horse 42".toCharArray(), salt, 1000, 256)).getEncoded();
        String stored = "pbkdf2-sha256$1000$" + Base64.getEncoder().withoutPadding().encodeToString(salt) + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(weak);
        assertFalse(PasswordHasher.matches("correct horse 42".toCharArray(), stored));
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("short1".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("onlylettersherexx".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash("123456789012345".toCharArray()));
        assertTrue(PasswordHasher.isAcceptable("letters-and-1-digit".toCharArray()));
    }
}
