package dev.shomei.center.abuse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.console.auth.LoginService;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.console.auth.SessionStore;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A locked account stays locked while an attacker floods the login with more made-up user names
 * than the failure table holds (the table used to be cleared at 10,000 names, lifting every lock).
 */
class LoginLockoutFloodTest {
    private static final String PASSWORD = "the operator's password";

    @TempDir
    Path dir;

    @Test
    void aFloodOfMadeUpNamesDoesNotLiftALock() {
        OperatorAccounts accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), 1);
        byte[] secret = Base32.decodeAllowingHyphens(accounts.create("operator", Role.OPERATOR, PASSWORD.toCharArray()));
        SessionStore sessions = new SessionStore(Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(30),
                Duration.ofHours(12));
        LoginService login = new LoginService(accounts, sessions, Totp.standard(), Clock.systemUTC(), 5,
                Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            login.login("operator", ("guess " + i).toCharArray(), "000000");
        }
        assertTrue(login.login("operator", PASSWORD.toCharArray(), code(secret)).isEmpty(), "locked");
        for (int i = 0; i < 10_050; i++) {
            login.login("made-up-" + i, "x".toCharArray(), "000000");
        }
        assertTrue(login.login("operator", PASSWORD.toCharArray(), code(secret)).isEmpty(),
                "the lock on operator survived 10,050 made-up names");
    }

    private static String code(byte[] secret) {
        return Totp.standard().code(secret, Instant.now());
    }
}
