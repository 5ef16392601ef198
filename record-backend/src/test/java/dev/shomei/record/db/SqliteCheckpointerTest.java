package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Committed pages reach the database file without any commit running a checkpoint itself. */
class SqliteCheckpointerTest {
    @Test
    void theBackgroundThreadCopiesTheLogIntoTheDatabaseFile() throws Exception {
        Path file = Files.createTempDirectory("checkpoint").resolve("records.db");
        try (Database database = Database.open("jdbc:sqlite:" + file)) {
            database.write(tx -> tx.update("CREATE TABLE filler (data BLOB)"));
            long before = Files.size(file);
            byte[] page = new byte[4096];
            for (int i = 0; i < 500; i++) { // ~2 MB of log, far below the writer's own checkpoint threshold
                database.write(tx -> tx.update("INSERT INTO filler (data) VALUES (?)", (Object) page));
            }
            // the writer's automatic checkpoint starts at 20,000 pages: only the background thread moves these
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (Files.size(file) < before + 2_000_000 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(Files.size(file) >= before + 2_000_000,
                    "database file " + Files.size(file) + " bytes, " + before + " before the inserts");
        }
    }
}
