package dev.shomei.record.users;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** {@link RoleChangesContract} on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRoleChangesIT extends RoleChangesContract {
    @Override
    protected String newDatabaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("records");
    }
}
