package dev.shomei.record.move;

import dev.shomei.record.testing.PostgresServer;

/** {@link MunicipalityMoveContract} on a real PostgreSQL server (started by the test set-up): PostgreSQL to PostgreSQL. */
class PostgresMunicipalityMoveIT extends MunicipalityMoveContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
