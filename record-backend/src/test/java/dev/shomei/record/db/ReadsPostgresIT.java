package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.shomei.record.testing.PostgresServer;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Reads on a real PostgreSQL server (started by the test set-up). */
class ReadsPostgresIT extends ReadsContract {
    @Override
    protected String newDatabaseUrl() {
        return PostgresServer.databaseOrSkip("reads");
    }

    /** No {@code BEGIN} … {@code COMMIT} around a read: that {@code COMMIT} was a round trip bought for nothing. */
    @Test
    void eachStatementOfAReadIsATransactionOfItsOwn() {
        OffsetDateTime[] started = database.read(tx -> new OffsetDateTime[] {
            tx.queryOne("SELECT transaction_timestamp()", row -> row.getObject(1, OffsetDateTime.class)).orElseThrow(),
            tx.queryOne("SELECT transaction_timestamp()", row -> row.getObject(1, OffsetDateTime.class)).orElseThrow()});
        assertNotEquals(started[0], started[1]);
    }
}
