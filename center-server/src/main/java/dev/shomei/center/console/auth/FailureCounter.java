package dev.shomei.center.console.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (a user name, or a client address): after {@code limit} failures in a row
 * the key is locked for {@code lockout}. Memory is bounded without ever forgetting a lock: when the
 * map is full, only keys that are not locked are dropped — a flood of made-up keys cannot push
 * out the lock on a real one.
 */
final class FailureCounter {
    static final int MAX_KEYS = 10_000;

    private final int limit;
    private final Duration lockout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    FailureCounter(int limit, Duration lockout) {
        this.limit = limit;
        this.lockout = lockout;
    }

    boolean locked(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil);
    }

    void fail(String key, Instant now) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        synchronized (entry) {
            entry.count++;
            if (entry.count >= limit) {
                entry.lockedUntil = now.plus(lockout);
                entry.count = 0;
            }
        }
        if (entries.size() > MAX_KEYS) {
            entries.values().removeIf(e -> e.lockedUntil == null || !now.isBefore(e.lockedUntil));
        }
    }

    void succeeded(String key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    private static final class Entry {
        private int count;
        private Instant lockedUntil;
    }
}
