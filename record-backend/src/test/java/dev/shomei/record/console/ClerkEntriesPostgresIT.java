package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link ClerkEntriesIT} again on a real PostgreSQL server (started by the test set-up). */
class ClerkEntriesPostgresIT extends ClerkEntriesIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
