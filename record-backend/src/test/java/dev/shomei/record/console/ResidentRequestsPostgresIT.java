package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link ResidentRequestsIT} again on a real PostgreSQL server (started by the test set-up). */
class ResidentRequestsPostgresIT extends ResidentRequestsIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
