package dev.shomei.center.console.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final int FAST = 1_000; // the format carries the count; tests need not pay for 600k

    @Test
    void matchesOnlyTheRightPasswordAndWipesIt() {
        char[] password = "correct horse battery".toCharArray();
        String stored = PasswordHash.hash(password, FAST, new SecureRandom());
        assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password array is wiped");
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        assertTrue(PasswordHash.matches("correct horse battery".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horse batterY".toCharArray(), stored));
        assertFalse(PasswordHash.matches("correct horse battery".toCharArray(), "plain$text"));
    }

    @Test
    void saltsEveryHash() {
        SecureRandom random = new SecureRandom();
        assertNotEquals(PasswordHash.hash("same password 1".toCharArray(), FAST, random),
                PasswordHash.hash("same password 1".toCharArray(), FAST, random));
    }

    @Test
    void refusesShortPasswords() {
        assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.hash("short".toCharArray(), FAST, new SecureRandom()));
    }
}
