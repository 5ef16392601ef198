package dev.shomei.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.center.CenterAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskMainTest {
    @TempDir
    Path dir;

    @Test
    void defaults() {
        KioskMain.Options options = KioskMain.Options.parse(new String[] {"serve"});
        assertFalse(options.demo());
        assertEquals("K0001", options.terminal());
        assertEquals(List.of(new CenterAddress("127.0.0.1", 8420)), options.centers());
        assertNull(options.reader());
        assertEquals(KioskMain.DEFAULT_PORT, options.port());
        assertEquals(java.time.Duration.ofSeconds(30), options.heartbeat());
        assertNull(options.coins());
    }

    @Test
    void aKioskWithoutAPaymentDeviceStartsOnlyInDemoMode() {
        String refusal = KioskMain.Options.parse(new String[] {"serve"}).paymentRefusal();
        assertTrue(refusal != null && refusal.contains("--coins"), "refused, and told how to give the device");
        assertNull(KioskMain.Options.parse(new String[] {"serve", "--coins", "/dev/ttyUSB0"}).paymentRefusal());
        assertNull(KioskMain.Options.parse(new String[] {"serve", "--demo"}).paymentRefusal(), "simulated coins");
        assertEquals("/dev/ttyUSB0", KioskMain.Options.parse(new String[] {"serve", "--coins", "/dev/ttyUSB0"}).coins());
    }

    @Test
    void everyOption() {
        KioskMain.Options options = KioskMain.Options.parse(new String[] {"serve", "--demo", "--terminal", "K0003",
                "--center", "10.0.0.5:8420, 10.0.0.6:9420", "--reader", "ACS ACR39U 00 00", "--printer", "ipp:kiosk",
                "--port", "0", "--demo-card", "c.card", "--heartbeat-seconds", "5"});
        assertTrue(options.demo());
        assertEquals("K0003", options.terminal());
        assertEquals(List.of(new CenterAddress("10.0.0.5", 8420), new CenterAddress("10.0.0.6", 9420)), options.centers());
        assertEquals("ACS ACR39U 00 00", options.reader());
        assertEquals("ipp:kiosk", options.printer());
        assertEquals(0, options.port());
        assertEquals(Path.of("c.card"), options.demoCard());
        assertEquals(java.time.Duration.ofSeconds(5), options.heartbeat());
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : List.of("--demo", "--terminal", "--center", "--reader", "--printer", "--port", "--demo-card",
                "--heartbeat-seconds", "--coins", "--keys")) {
            assertTrue(KioskMain.USAGE.contains(option + " ") || KioskMain.USAGE.contains(option + "]"), option);
        }
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--print"}),
                "and the parser knows no other");
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--what"}));
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--port", "x"}));
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--port", "70000"}));
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--center", "nohost"}));
        assertThrows(IllegalArgumentException.class, () -> KioskMain.Options.parse(new String[] {"serve", "--terminal"}));
        assertThrows(IllegalArgumentException.class,
                () -> KioskMain.Options.parse(new String[] {"serve", "--heartbeat-seconds", "0"}));
    }

    @Test
    void theDemoCardIsFoundByName() throws Exception {
        assertTrue(KioskMain.firstCardFile(dir.resolve("missing")).isEmpty());
        Files.writeString(dir.resolve("backend-residents.txt"), "not a card");
        Files.writeString(dir.resolve("b-blocked.card"), "{}");
        Files.writeString(dir.resolve("c-ordinary.json"), "{}");
        assertEquals("c-ordinary.json", KioskMain.firstCardFile(dir).orElseThrow().getFileName().toString());
        Files.delete(dir.resolve("c-ordinary.json"));
        assertEquals("b-blocked.card", KioskMain.firstCardFile(dir).orElseThrow().getFileName().toString());
    }
}
