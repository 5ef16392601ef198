package dev.shomei.system;

import dev.shomei.record.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;

/**
 * The end-to-end scenarios with the backend on a real PostgreSQL server (started by the test on
 * loopback). Without PostgreSQL it skips — with {@code CI=true} it fails instead.
 */
class PostgresIssuanceIT extends IssuanceScenarios {
    @Override
    String databaseUrl() {
        var server = PostgresServer.shared();
        Assumptions.assumeTrue(server.isPresent(), "PostgreSQL is not installed");
        return server.get().createDatabase("system");
    }
}
