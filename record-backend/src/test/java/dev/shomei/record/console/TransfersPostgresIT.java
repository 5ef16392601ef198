package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link TransfersIT} again on a real PostgreSQL server (started by the test set-up). */
class TransfersPostgresIT extends TransfersIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
