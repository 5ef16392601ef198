package dev.shomei.record.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shomei.record.testing.PostgresServer;

/** {@link ClerkConsoleRoleChangeIT} again on a real PostgreSQL server (started by the test set-up). */
class ClerkConsoleRoleChangePostgresIT extends ClerkConsoleRoleChangeIT {
    @Override
    protected String databaseUrl() {
        PostgresServer server = PostgresServer.shared().orElse(null);
        assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase("records");
    }
}
