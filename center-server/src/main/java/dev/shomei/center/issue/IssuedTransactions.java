package dev.shomei.center.issue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which municipality a recent transaction belongs to, so that a print outcome (which carries only
 * the transaction id) reaches the right municipal partition of the backend. Ids only, memory only,
 * bounded in size and age: soft state that a second center can do without (it asks the backend).
 */
public final class IssuedTransactions {
    private final Clock clock;
    private final Duration keep;
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    public IssuedTransactions(Clock clock, Duration keep, int capacity) {
        this.clock = clock;
        this.keep = keep;
        this.capacity = capacity;
    }

    public record Entry(String terminalId, String municipalityCode, Instant issuedAt) {
    }

    public synchronized void put(String transactionId, String terminalId, String municipalityCode) {
        entries.remove(transactionId);
        entries.put(transactionId, new Entry(terminalId, municipalityCode, clock.instant()));
        prune();
    }

    public synchronized Optional<Entry> find(String transactionId) {
        prune();
        return Optional.ofNullable(entries.get(transactionId));
    }

    public synchronized void remove(String transactionId) {
        entries.remove(transactionId);
    }

    public synchronized int size() {
        return entries.size();
    }

    private void prune() {
        Instant oldest = clock.instant().minus(keep);
        Iterator<Map.Entry<String, Entry>> iterator = entries.entrySet().iterator();
        while (iterator.hasNext()) {
            Map.Entry<String, Entry> next = iterator.next();
            if (entries.size() > capacity || next.getValue().issuedAt().isBefore(oldest)) {
                iterator.remove();
            } else {
                break;
            }
        }
    }
}
