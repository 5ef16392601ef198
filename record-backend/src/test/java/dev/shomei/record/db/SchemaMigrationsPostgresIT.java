package dev.shomei.record.db;

import dev.shomei.record.testing.PostgresServer;

/** Schema migrations on a real PostgreSQL server (started by the test set-up): one database per test. */
class SchemaMigrationsPostgresIT extends SchemaMigrationsContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("migrations");
    }

    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
