package dev.shomei.record.users;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refused logins per client address, in memory: an address that guesses across many ids (password
 * spraying, which the per-id lockout does not see) is locked for a while. Bounded: when full, only
 * addresses that are not locked are dropped, so a flood cannot lift a lock.
 */
final class AddressFailures {
    static final int MAX_ADDRESSES = 10_000;

    private final int limit;
    private final Duration lockout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    AddressFailures(int limit, Duration lockout) {
        this.limit = limit;
        this.lockout = lockout;
    }

    boolean locked(String address, Instant now) {
        Entry entry = address == null ? null : entries.get(address);
        return entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil);
    }

    void fail(String address, Instant now) {
        if (address == null) {
            return;
        }
        Entry entry = entries.computeIfAbsent(address, a -> new Entry());
        synchronized (entry) {
            entry.count++;
            if (entry.count >= limit) {
                entry.lockedUntil = now.plus(lockout);
                entry.count = 0;
            }
        }
        if (entries.size() > MAX_ADDRESSES) {
            entries.values().removeIf(e -> e.lockedUntil == null || !now.isBefore(e.lockedUntil));
        }
    }

    private static final class Entry {
        private int count;
        private Instant lockedUntil;
    }
}
