package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** Every clerk console test again on a real PostgreSQL server (started by the test set-up). */
class ClerkConsolePostgresIT extends ClerkConsoleIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("console");
    }
}
