package dev.shomei.system.faults;

import dev.shomei.record.testing.PostgresServer;
import org.junit.jupiter.api.Assumptions;

/** The kill loop with the backend on a real PostgreSQL server (skips without it; fails with CI=true). */
class PostgresKillLoopIT extends KillLoopDurability {
    @Override
    String databaseUrl() {
        var server = PostgresServer.shared();
        Assumptions.assumeTrue(server.isPresent(), "PostgreSQL is not installed");
        return server.get().createDatabase("killloop");
    }
}
