package dev.shomei.record.users;

import dev.shomei.record.testing.PostgresServer;

/** {@link RoleChangesContract} on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRoleChangesIT extends RoleChangesContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("records");
    }
}
