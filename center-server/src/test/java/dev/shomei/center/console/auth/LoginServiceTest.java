package dev.shomei.center.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.testing.MutableClock;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginServiceTest {
    private static final String PASSWORD = "operator password 1";

    @TempDir
    Path dir;

    @Test
    void aHashWithFewerIterationsIsUpgradedAtTheNextLogin() {
        Path file = dir.resolve("operators.json");
        byte[] secret = Base32.decodeAllowingHyphens(
                new OperatorAccounts(file, new SecureRandom(), 1_000).create("operator", Role.OPERATOR, PASSWORD.toCharArray()));
        OperatorAccounts stronger = new OperatorAccounts(file, new SecureRandom(), 2_000);
        LoginService login = new LoginService(stronger, sessions(Clock.systemUTC()), Totp.standard(), Clock.systemUTC(), 5,
                Duration.ofMinutes(5));
        assertTrue(login.login("operator", PASSWORD.toCharArray(), Totp.standard().code(secret, Instant.now())).isPresent());
        String stored = stronger.find("operator").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("pbkdf2-sha256$2000$"), "rehashed: " + stored.substring(0, 20));
    }

    @Test
    void onlyTheOperatorsOwnRequestsResetTheIdleTimer() {
        MutableClock clock = new MutableClock(Instant.now(), ZoneId.of("Asia/Tokyo"));
        SessionStore sessions = sessions(clock);
        OperatorAccount account = new OperatorAccount("operator", Role.OPERATOR, "pbkdf2-sha256$1$AA$AA", "AAAA", true);
        Session watching = sessions.create(account);
        for (int i = 1; i <= 29; i++) { // the board's stream looks (without touching) for 29 minutes
            clock.advance(Duration.ofMinutes(1));
            assertTrue(sessions.find(watching.id(), false).isPresent(), "minute " + i);
        }
        clock.advance(Duration.ofMinutes(2));
        assertTrue(sessions.find(watching.id(), false).isEmpty(), "an unattended board times out");

        Session active = sessions.create(account);
        for (int i = 0; i < 40; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertTrue(sessions.find(active.id(), true).isPresent(), "an operator clicking every 20 minutes stays");
        }
        assertEquals(1, sessions.size());
    }

    private static SessionStore sessions(Clock clock) {
        return new SessionStore(clock, new SecureRandom(), Duration.ofMinutes(30), Duration.ofHours(24));
    }
}
