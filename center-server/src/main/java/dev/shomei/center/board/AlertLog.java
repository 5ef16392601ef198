package dev.shomei.center.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The console's alerts, in memory (a restarted center re-raises whatever is still wrong). At most
 * one open alert per (kind, terminal, subject); the oldest resolved alerts go first when full.
 */
public final class AlertLog {
    private static final System.Logger LOG = System.getLogger(AlertLog.class.getName());

    private final Clock clock;
    private final LongSupplier versions;
    private final int capacity;
    private final Map<Long, Alert> alerts = new LinkedHashMap<>();
    /** (kind, terminal, subject) -> id of the open alert: raise and resolve stay O(1) with many terminals. */
    private final Map<String, Long> openByKey = new java.util.HashMap<>();
    private long nextId = 1;

    public AlertLog(Clock clock, LongSupplier versions, int capacity) {
        this.clock = clock;
        this.versions = versions;
        this.capacity = capacity;
    }

    /** Raises an alert unless the same one is already open; returns the open alert. */
    public synchronized Alert raise(AlertKind kind, String terminalId, String subject) {
        Optional<Alert> open = findOpen(kind, terminalId, subject);
        if (open.isPresent()) {
            return open.get();
        }
        Alert alert = new Alert(nextId++, clock.instant(), kind, terminalId, subject, null, false, versions.getAsLong());
        alerts.put(alert.id(), alert);
        openByKey.put(key(kind, terminalId, subject), alert.id());
        LOG.log(System.Logger.Level.WARNING, "alert {0} {1} terminal={2} subject={3}",
                alert.id(), kind, terminalId, subject);
        trim();
        return alert;
    }

    /** Resolves the open alert of this kind for this terminal and subject, if there is one. */
    public synchronized boolean resolve(AlertKind kind, String terminalId, String subject) {
        Optional<Alert> open = findOpen(kind, terminalId, subject);
        open.ifPresent(alert -> {
            alerts.put(alert.id(), alert.resolve(clock.instant(), versions.getAsLong()));
            openByKey.remove(key(kind, terminalId, subject));
            LOG.log(System.Logger.Level.INFO, "alert {0} resolved", alert.id());
        });
        return open.isPresent();
    }

    public synchronized boolean acknowledge(long id) {
        Alert alert = alerts.get(id);
        if (alert == null || alert.acknowledged()) {
            return false;
        }
        alerts.put(id, alert.acknowledge(versions.getAsLong()));
        return true;
    }

    /** Newest first. */
    public synchronized List<Alert> all() {
        List<Alert> list = new ArrayList<>(alerts.values());
        java.util.Collections.reverse(list);
        return list;
    }

    /** Alerts changed after {@code version}. */
    public synchronized List<Alert> changedSince(long version) {
        List<Alert> changed = new ArrayList<>();
        for (Alert alert : alerts.values()) {
            if (alert.version() > version) {
                changed.add(alert);
            }
        }
        return changed;
    }

    public synchronized long openCount() {
        return openByKey.size();
    }

    private Optional<Alert> findOpen(AlertKind kind, String terminalId, String subject) {
        Long id = openByKey.get(key(kind, terminalId, subject));
        return id == null ? Optional.empty() : Optional.ofNullable(alerts.get(id));
    }

    private static String key(AlertKind kind, String terminalId, String subject) {
        return kind + "\u0000" + terminalId + "\u0000" + subject;
    }

    private void trim() {
        Iterator<Alert> oldest = alerts.values().iterator();
        while (alerts.size() > capacity && oldest.hasNext()) {
            Alert alert = oldest.next();
            if (!alert.isOpen() || alerts.size() > capacity * 2) {
                oldest.remove();
                if (alert.isOpen()) {
                    openByKey.remove(key(alert.kind(), alert.terminalId(), alert.subject()));
                }
            }
        }
    }
}
