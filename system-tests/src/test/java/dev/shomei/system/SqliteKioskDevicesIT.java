package dev.shomei.system;

/** The kiosk scenarios through real pcscd, CUPS and Chromium, with the backend on its embedded SQLite. */
class SqliteKioskDevicesIT extends KioskDeviceScenarios {
    @Override
    String databaseUrl() {
        return null;
    }
}
