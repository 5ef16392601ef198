package dev.shomei.record.revoke;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** Revocation on every void, on a real PostgreSQL server (started by the test set-up): one database per test. */
class PostgresRevocationIT extends RevocationContract {
    @Override
    protected String newDatabaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("revocation");
    }
}
