package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link ClerkConsoleRoleChangeIT} again on a real PostgreSQL server (started by the test set-up). */
class ClerkConsoleRoleChangePostgresIT extends ClerkConsoleRoleChangeIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
