package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link CounterIssuanceIT} again on a real PostgreSQL server (started by the test set-up). */
class CounterIssuancePostgresIT extends CounterIssuanceIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
