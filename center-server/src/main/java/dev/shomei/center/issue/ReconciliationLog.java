package dev.shomei.center.issue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent reconciled issuances, for the console (memory only, bounded). */
public final class ReconciliationLog {
    private final int capacity;
    private final Deque<ReconciledIssuance> entries = new ArrayDeque<>();

    public ReconciliationLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(ReconciledIssuance entry) {
        entries.addFirst(entry);
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    /** Newest first. */
    public synchronized List<ReconciledIssuance> recent() {
        return new ArrayList<>(entries);
    }
}
