package dev.shomei.card.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every JUL record (System.Logger is backed by JUL) at the most verbose level, formatted. */
public final class LogCapture implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LogCapture() {
        handler.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String all() {
        return String.join("", lines());
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
    }
}
