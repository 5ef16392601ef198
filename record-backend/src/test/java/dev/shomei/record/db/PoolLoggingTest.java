package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.testing.LogCapture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP logs through SLF4J; its lines reach java.util.logging, where the backend's log is, not SLF4J's no-op. */
class PoolLoggingTest {
    @TempDir
    Path dir;

    @Test
    void thePoolsLinesReachJavaUtilLogging() {
        try (LogCapture hikari = LogCapture.of("com.zaxxer.hikari");
                Database database = Database.open("jdbc:sqlite:" + dir.resolve("records.db"))) {
            assertTrue(hikari.messages().stream().anyMatch(line -> line.contains("shomei-sqlite-writer")),
                    hikari.messages().toString());
        }
    }
}
