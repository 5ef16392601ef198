package dev.shomei.record.move;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** {@link MunicipalityMoveContract} on a real PostgreSQL server (started by the test set-up): PostgreSQL to PostgreSQL. */
class PostgresMunicipalityMoveIT extends MunicipalityMoveContract {
    @Override
    protected String newDatabaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("records");
    }
}
