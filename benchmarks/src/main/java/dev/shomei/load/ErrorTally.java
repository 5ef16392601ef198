package dev.shomei.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors by code (an {@code ErrorCode} name, or a short description of a local failure). */
public final class ErrorTally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String code) {
        counts.computeIfAbsent(code, key -> new LongAdder()).increment();
    }

    public void reset() {
        counts.clear();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Sorted by code. */
    public Map<String, Long> byCode() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((code, count) -> sorted.put(code, count.sum()));
        return sorted;
    }
}
