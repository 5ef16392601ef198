package dev.shomei.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.cash.cctalk.SocatPtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./shomei kiosk serve} as a real process refuses to start without a way to take the fee:
 * no {@code --coins} outside {@code --demo}, or a coin mechanism that does not answer on the line given.
 */
class KioskPaymentDeviceIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private Path state;
    private Launcher shomei;

    @BeforeEach
    void prepare() throws Exception {
        state = Files.createTempDirectory("shomei-kiosk-payment-");
        shomei = new Launcher(state);
    }

    @AfterEach
    void clean() throws Exception {
        TreeDeleter.delete(state);
    }

    @Test
    void withoutAPaymentDeviceTheKioskDoesNotStart() throws Exception {
        Launcher.Result result = shomei.run(TIMEOUT, "kiosk", "serve", "--terminal", "K0001", "--port", "0");
        assertEquals(2, result.exitCode(), result::stdout);
        assertTrue(result.stderr().contains("no payment device"), result::stderr);
        assertTrue(result.stderr().contains("--coins"), "tells how to give one");
    }

    @Test
    void aCoinMechanismThatDoesNotAnswerKeepsTheKioskFromStarting() throws Exception {
        // a production kiosk: its own provisioned keys, so that the start gets as far as the coin line
        assertEquals(0, shomei.run(TIMEOUT, "pki").exitCode());
        Path keys = KioskKeys.provision(state.resolve("pki"), "K0001", state.resolve("kiosk-keys"));
        try (SocatPtyPair line = SocatPtyPair.start()) { // nothing on the far end
            Launcher.Result result = shomei.run(TIMEOUT, "kiosk", "serve", "--terminal", "K0001", "--port", "0",
                    "--keys", keys.toString(), "--printer", "tray:" + state.resolve("tray"), "--coins", line.hostEnd());
            assertEquals(2, result.exitCode(), result::stderr);
            assertTrue(result.stderr().contains("does not answer"), result::stderr);
        }
    }
}
