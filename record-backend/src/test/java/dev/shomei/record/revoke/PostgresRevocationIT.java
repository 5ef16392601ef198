package dev.shomei.record.revoke;

import dev.shomei.record.testing.PostgresServer;

/** Revocation on every void, on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRevocationIT extends RevocationContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("revocation");
    }
}
