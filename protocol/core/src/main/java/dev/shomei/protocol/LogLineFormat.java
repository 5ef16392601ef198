package dev.shomei.protocol;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log line per record: {@code 2026-12-06T23:19:25.123Z INFO dev.shomei.record.issue.IssuanceService: message},
 * then the stack trace of an exception, if any. UTC, so that the lines of a center, a backend and a
 * kiosk sort together; the level as {@code System.Logger} names it (ERROR, WARNING, INFO, DEBUG,
 * TRACE), which is what the code says and what an operator's alert matches.
 *
 * <p>The JDK's default format spends two lines per record and, to name the calling method, walks the
 * stack on every record: with one INFO line per issuance and per print outcome, that walk and the
 * format's {@code String.format} were 3 % of the record backend's CPU under load (JFR,
 * docs/benchmarks.md). The logger's name (the class) is kept; the method is not.
 */
public final class LogLineFormat extends Formatter {
    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        DateTimeFormatter.ISO_INSTANT.formatTo(record.getInstant().truncatedTo(ChronoUnit.MILLIS), line);
        line.append(' ').append(levelName(record.getLevel())).append(' ')
                .append(record.getLoggerName() == null ? "-" : record.getLoggerName()).append(": ")
                .append(formatMessage(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            try (PrintWriter out = new PrintWriter(trace)) {
                record.getThrown().printStackTrace(out);
            }
            line.append(trace);
        }
        return line.toString();
    }

    /** The level as the code wrote it with {@code System.Logger} (ERROR, not JUL's SEVERE). */
    static String levelName(Level level) {
        int value = level.intValue();
        if (value >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (value >= Level.WARNING.intValue()) {
            return "WARNING";
        }
        if (value >= Level.INFO.intValue()) {
            return "INFO";
        }
        return value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    /**
     * Puts this format on the root logger's console handlers, unless a logging configuration file or
     * class was given ({@code -Djava.util.logging.config.file}), which then decides. For the mains of
     * long-running components. Returns whether it did (false: the configuration decides).
     */
    public static boolean useUnlessConfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return false;
        }
        LogLineFormat format = new LogLineFormat();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                handler.setFormatter(format);
            }
        }
        return true;
    }
}
