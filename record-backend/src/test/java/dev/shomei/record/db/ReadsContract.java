package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Database#read} promises on both engines (SQLite and PostgreSQL subclasses). */
abstract class ReadsContract {
    protected Database database;

    /** A new, empty database. */
    protected abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void openWithAScratchTable() throws Exception {
        database = Database.open(newDatabaseUrl());
        database.write(tx -> {
            tx.execute("CREATE TABLE scratch (n INTEGER NOT NULL)");
            return null;
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aReadSeesEverythingCommittedBeforeIt() {
        for (int n = 1; n <= 3; n++) {
            int row = n;
            database.write(tx -> tx.update("INSERT INTO scratch (n) VALUES (?)", row));
            assertEquals((long) n, (long) database.read(tx -> tx.queryLong("SELECT COUNT(*) FROM scratch")));
        }
    }

    @Test
    void aReadRefusesToWriteAndChangesNothing() {
        database.write(tx -> tx.update("INSERT INTO scratch (n) VALUES (1)"));
        List<TxWork<Object>> writes = List.of(
                tx -> tx.update("UPDATE scratch SET n = 2"),
                tx -> {
                    tx.batch("INSERT INTO scratch (n) VALUES (?)", List.<Object[]>of(new Object[] {3}));
                    return null;
                },
                tx -> {
                    tx.execute("DELETE FROM scratch");
                    return null;
                });
        for (TxWork<Object> write : writes) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> database.read(write));
            assertEquals("a read transaction does not write", refused.getMessage());
            assertEquals(List.of(1L), database.read(tx -> tx.query("SELECT n FROM scratch", row -> row.getLong(1))));
        }
    }

    @Test
    void aWriteAfterReadsIsStillOneTransactionThatAFailureRollsBack() {
        for (int i = 0; i < 20; i++) { // the same pooled connections serve reads and writes
            database.read(tx -> tx.queryLong("SELECT COUNT(*) FROM scratch"));
            assertThrows(IllegalArgumentException.class, () -> database.write(tx -> {
                tx.update("INSERT INTO scratch (n) VALUES (7)");
                throw new IllegalArgumentException("half-way");
            }));
        }
        assertEquals(0L, (long) database.read(tx -> tx.queryLong("SELECT COUNT(*) FROM scratch")));
    }
}
