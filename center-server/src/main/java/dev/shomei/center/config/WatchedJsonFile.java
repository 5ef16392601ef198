package dev.shomei.center.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * One JSON configuration file held in memory and reloaded whenever it changes on disk (another
 * center sharing the directory, or an operator's editor). Writes replace the whole file atomically.
 * Times inside are ISO-8601 strings (the file types convert them), so no Jackson time module is needed.
 *
 * @param <T> the immutable value the file holds
 */
public final class WatchedJsonFile<T> {
    public static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Class<T> type;
    private final boolean ownerOnly;
    private volatile T value;
    private volatile String stamp = "";

    /** Opens {@code file}, writing {@code initial} first when it does not exist. */
    public WatchedJsonFile(Path file, Class<T> type, T initial, boolean ownerOnly) {
        this.file = file;
        this.type = type;
        this.ownerOnly = ownerOnly;
        synchronized (this) {
            if (!Files.exists(file)) {
                store(initial);
            }
            reloadIfChanged();
        }
    }

    public Path file() {
        return file;
    }

    /** The current value, reloaded first when the file changed. */
    public T get() {
        reloadIfChanged();
        return value;
    }

    /** Whether the file changed on disk since the last read (and reloads it). */
    public synchronized boolean reloadIfChanged() {
        String now = StateFiles.stamp(file);
        if (now.equals(stamp)) {
            return false;
        }
        try {
            value = JSON.readValue(Files.readAllBytes(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFileName(), e);
        }
        stamp = now;
        return true;
    }

    /** Applies {@code change} to the current value and stores the result. */
    public synchronized T update(UnaryOperator<T> change) {
        reloadIfChanged();
        T next = change.apply(value);
        store(next);
        return next;
    }

    private void store(T next) {
        try {
            StateFiles.write(file, JSON.writeValueAsBytes(next), ownerOnly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.getFileName(), e);
        }
        value = next;
        stamp = StateFiles.stamp(file);
    }
}
