package dev.shomei.record.users;

import dev.shomei.record.testing.PostgresServer;

/** {@link RegisteredConsolePcsContract} on a real PostgreSQL server (started by the test set-up). */
class RegisteredConsolePcsPostgresIT extends RegisteredConsolePcsContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
