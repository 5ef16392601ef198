package dev.shomei.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineFormatTest {

    @Test
    void oneLineWithTheTimeInUtcTheLevelTheLoggerAndTheFilledInMessage() {
        LogRecord record = new NoCallerRecord(Level.INFO, "issue: certificate {0} issued for transaction {1} (port {2,number,#})");
        record.setParameters(new Object[] {"JP0000000001", "T-1", 8410});
        record.setInstant(Instant.parse("2026-12-06T23:19:25.123456789Z")); // milliseconds are enough
        record.setLoggerName("dev.shomei.record.issue.IssuanceService");

        assertEquals("2026-12-06T23:19:25.123Z INFO dev.shomei.record.issue.IssuanceService: issue: certificate JP0000000001"
                + " issued for transaction T-1 (port 8410)" + System.lineSeparator(), new LogLineFormat().format(record));
    }

    @Test
    void anExceptionFollowsWithItsStackTrace() {
        LogRecord record = new NoCallerRecord(Level.SEVERE, "API failure");
        record.setInstant(Instant.parse("2026-12-06T00:00:00Z"));
        record.setLoggerName("x");
        record.setThrown(new IllegalStateException("broken"));

        String text = new LogLineFormat().format(record);

        assertTrue(text.startsWith("2026-12-06T00:00:00Z ERROR x: API failure" + System.lineSeparator()
                + "java.lang.IllegalStateException: broken" + System.lineSeparator()), text);
        assertTrue(text.contains("\tat dev.shomei.protocol.LogLineFormatTest"), text);
    }

    @Test
    void levelsAreNamedAsSystemLoggerNamesThem() {
        assertEquals("ERROR", LogLineFormat.levelName(Level.SEVERE));
        assertEquals("WARNING", LogLineFormat.levelName(Level.WARNING));
        assertEquals("INFO", LogLineFormat.levelName(Level.INFO));
        assertEquals("DEBUG", LogLineFormat.levelName(Level.CONFIG));
        assertEquals("DEBUG", LogLineFormat.levelName(Level.FINE));
        assertEquals("TRACE", LogLineFormat.levelName(Level.FINER));
        assertEquals("TRACE", LogLineFormat.levelName(Level.FINEST));
    }

    /** Fails the test if the format asks for the calling class or method: that walks the stack on every record. */
    private static final class NoCallerRecord extends LogRecord {
        NoCallerRecord(Level level, String message) {
            super(level, message);
        }

        @Override
        public String getSourceClassName() {
            throw new AssertionError("the format asked for the caller");
        }

        @Override
        public String getSourceMethodName() {
            throw new AssertionError("the format asked for the caller");
        }
    }
}
