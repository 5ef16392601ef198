package dev.shomei.record.console;

import dev.shomei.record.testing.PostgresServer;

/** {@link ResidentExportPageIT} again on a real PostgreSQL server (started by the test set-up). */
class ResidentExportPagePostgresIT extends ResidentExportPageIT {
    @Override
    protected String databaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
