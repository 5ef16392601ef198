package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shomei.record.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * How PostgreSQL plans the backend's prepared statements: once per connection for ordinary
 * transactions (planning each execution cost ~40 % of the server's CPU on the issue path), at each
 * execution inside a bulk write, whose tables grow while it runs; and the bulk setting ends with its
 * transaction.
 */
class PlanCacheModePostgresIT {
    @Test
    void ordinaryTransactionsReuseThePlanAndBulkWritesPlanEachExecution() {
        try (Database database = Database.open(PostgresServer.databaseOrSkip("plan_cache_mode"))) {
            assertEquals("force_generic_plan", database.write(PlanCacheModePostgresIT::planCacheMode));
            assertEquals("force_generic_plan", database.read(PlanCacheModePostgresIT::planCacheMode));
            assertEquals("force_custom_plan", database.bulkWrite(PlanCacheModePostgresIT::planCacheMode));
            for (int i = 0; i < 20; i++) { // every pooled connection the bulk write may have used
                assertEquals("force_generic_plan", database.write(PlanCacheModePostgresIT::planCacheMode));
            }
        }
    }

    private static String planCacheMode(Tx tx) throws java.sql.SQLException {
        return tx.queryOne("SHOW plan_cache_mode", row -> row.getString(1)).orElseThrow();
    }
}
