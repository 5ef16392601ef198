package dev.shomei.consolesecurity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashesTest {
    private final PasswordHashes hashes = new PasswordHashes(1_000, new SecureRandom());

    @Test
    void aHashMatchesItsPasswordOnlyAndWipesIt() {
        char[] password = "correct horse 1".toCharArray();
        String stored = hashes.hash(password);
        assertArrayEquals(new char[15], password);
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(PasswordHashes.matches("correct horse 1".toCharArray(), stored));
        assertFalse(PasswordHashes.matches("correct horse 2".toCharArray(), stored));
        char[] typed = "correct horse 1".toCharArray();
        PasswordHashes.matches(typed, stored);
        assertArrayEquals(new char[15], typed);
    }

    @Test
    void aHashWithFewerIterationsNeedsARehash() {
        String old = hashes.hash("correct horse 1".toCharArray());
        assertFalse(hashes.needsRehash(old));
        assertTrue(new PasswordHashes(600_000, new SecureRandom()).needsRehash(old));
        assertTrue(hashes.needsRehash("md5$whatever"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(PasswordHashes.matches("correct horse 1".toCharArray(), "pbkdf2-sha256$x$y$z"));
        assertFalse(PasswordHashes.matches("correct horse 1".toCharArray(), null));
        assertFalse(PasswordHashes.matches("correct horse 1".toCharArray(), "pbkdf2-sha256$1000$!!$!!"));
    }

    @Test
    void oneRuleForBothConsoles() {
        assertThrows(IllegalArgumentException.class, () -> hashes.hash("short 1".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hashes.hash("onlylettershere".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> hashes.hash("a1".repeat(65).toCharArray()));
        assertTrue(PasswordHashes.isAcceptable("admin password 123".toCharArray()));
    }
}
