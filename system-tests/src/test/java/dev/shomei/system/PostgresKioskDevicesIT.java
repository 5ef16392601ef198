package dev.shomei.system;

import dev.shomei.record.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;

/**
 * The kiosk scenarios through real pcscd, CUPS and Chromium, with the backend on a real PostgreSQL
 * server (started by the test on loopback). Without PostgreSQL it skips — with {@code CI=true} it fails.
 */
class PostgresKioskDevicesIT extends KioskDeviceScenarios {
    @Override
    String databaseUrl() {
        var server = PostgresServer.shared();
        Assumptions.assumeTrue(server.isPresent(), "PostgreSQL is not installed");
        return server.get().createDatabase("kiosk_system");
    }
}
