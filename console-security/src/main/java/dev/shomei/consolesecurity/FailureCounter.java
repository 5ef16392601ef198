package dev.shomei.consolesecurity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (an account name, or a client address): after {@code limit} failures in a
 * row the key is locked for {@code lockout}. Memory is bounded without ever forgetting a lock: when
 * the map is full, only keys that are not locked are dropped — a flood of made-up keys cannot push
 * out the lock on a real one.
 */
public final class FailureCounter {
    public static final int MAX_KEYS = 10_000;

    private final int limit;
    private final Duration lockout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public FailureCounter(int limit, Duration lockout) {
        this.limit = limit;
        this.lockout = lockout;
    }

    public boolean locked(String key, Instant now) {
        return lockedUntil(key, now).isPresent();
    }

    /** Until when {@code key} is locked, or empty when it is not. */
    public Optional<Instant> lockedUntil(String key, Instant now) {
        Entry entry = key == null ? null : entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.lockedUntil != null && now.isBefore(entry.lockedUntil)
                    ? Optional.of(entry.lockedUntil) : Optional.empty();
        }
    }

    /** Counts a failure; returns until when the key is now locked, or empty. */
    public Optional<Instant> fail(String key, Instant now) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        Optional<Instant> locked;
        synchronized (entry) {
            entry.count++;
            if (entry.count >= limit) {
                entry.lockedUntil = now.plus(lockout);
                entry.count = 0;
            }
            locked = entry.lockedUntil != null && now.isBefore(entry.lockedUntil)
                    ? Optional.of(entry.lockedUntil) : Optional.empty();
        }
        if (entries.size() > MAX_KEYS) {
            entries.values().removeIf(e -> e.lockedUntil == null || !now.isBefore(e.lockedUntil));
        }
        return locked;
    }

    public void succeeded(String key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }

    private static final class Entry {
        private int count;
        private Instant lockedUntil;
    }
}
