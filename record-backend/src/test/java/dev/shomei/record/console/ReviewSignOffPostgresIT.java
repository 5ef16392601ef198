package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link ReviewSignOffIT} again on a real PostgreSQL server (started by the test set-up). */
class ReviewSignOffPostgresIT extends ReviewSignOffIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
