package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HikariCP logs through SLF4J; its lines reach java.util.logging, where the backend's log is, not SLF4J's no-op. */
class PoolLoggingTest {
    @TempDir
    Path dir;

    @Test
    void thePoolsLinesReachJavaUtilLogging() {
        Logger hikari = Logger.getLogger("com.zaxxer.hikari");
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + ": " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        hikari.addHandler(capture);
        try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("records.db"))) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("com.zaxxer.hikari")
                    && line.contains("shomei-sqlite-writer")), lines.toString());
        } finally {
            hikari.removeHandler(capture);
        }
    }
}
