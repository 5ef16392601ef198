package dev.shomei.record.move;

import dev.shomei.record.testing.PostgresServer;

/** {@link MunicipalityMoveContract} between engines: from a PostgreSQL shard to a SQLite one. */
class PostgresToSqliteMunicipalityMoveIT extends MunicipalityMoveContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }

    @Override
    protected String newTargetUrl() {
        return "jdbc:sqlite:" + temp.resolve("target.db");
    }
}
