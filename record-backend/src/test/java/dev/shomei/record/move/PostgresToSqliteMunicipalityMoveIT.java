package dev.shomei.record.move;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** {@link MunicipalityMoveContract} between engines: from a PostgreSQL shard to a SQLite one. */
class PostgresToSqliteMunicipalityMoveIT extends MunicipalityMoveContract {
    @Override
    protected String newDatabaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("records");
    }

    @Override
    protected String newTargetUrl() {
        return "jdbc:sqlite:" + temp.resolve("target.db");
    }
}
