package dev.shomei.protocol.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures the JUL records (System.Logger is backed by JUL) of one logger and those below it, at the
 * most verbose level, while open; the logger's level is restored on close. The test runs'
 * logging.properties quiets some libraries: capturing one of their loggers still sees everything.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName) {
        logger = Logger.getLogger(loggerName);
        previousLevel = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Every logger's records. */
    public LogCapture() {
        this("");
    }

    /** The records of the logger named {@code loggerName} and of those below it. */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public static LogCapture of(Class<?> loggingClass) {
        return of(loggingClass.getName());
    }

    /** Each record as the default formatter writes it (time, source, level, message). */
    public List<String> lines() {
        return snapshot().stream().map(formatter::format).toList();
    }

    /** Each record's level and message with its parameters filled in, e.g. {@code "INFO line …"}. */
    public List<String> messages() {
        return snapshot().stream().map(record -> record.getLevel() + " " + formatter.formatMessage(record)).toList();
    }

    public String all() {
        return String.join("", lines());
    }

    private List<LogRecord> snapshot() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
