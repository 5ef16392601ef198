package dev.shomei.record.move;

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
        return PostgresServer.databaseOrSkip("records");
    }
}
