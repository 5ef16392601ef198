package dev.shomei.record.move;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/**
 * {@link MunicipalityMoveContract} between engines: from a SQLite shard to a PostgreSQL one (the two
 * store truth values differently: the demo's layout moves Shinjuku this way).
 */
class SqliteToPostgresMunicipalityMoveIT extends MunicipalityMoveContract {
    @Override
    protected String newDatabaseUrl() {
        return "jdbc:sqlite:" + temp.resolve("source.db");
    }

    @Override
    protected String newTargetUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("records");
    }
}
