package dev.shomei.record.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** Schema migrations on a real PostgreSQL server (started by the test set-up): one database per test. */
class SchemaMigrationsPostgresIT extends SchemaMigrationsContract {
    @Override
    protected String newDatabaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("migrations");
    }

    @Override
    protected Engine engine() {
        return Engine.POSTGRESQL;
    }
}
