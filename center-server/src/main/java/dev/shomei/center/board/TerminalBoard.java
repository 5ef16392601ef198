package dev.shomei.center.board;

import dev.shomei.center.registry.Terminal;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.TerminalState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live state of every terminal, in memory only, fed by the line server (hello, heartbeat,
 * disconnect). A timer calls {@link #checkHeartbeats()}: a terminal silent for longer than the
 * configured gap turns OFFLINE and raises a HEARTBEAT_MISSED alert. Device faults and empty
 * supplies raise alerts on the heartbeat that reports them and resolve on the one that clears them.
 *
 * <p>Every change takes a new version number from one counter shared with the alert log, so the
 * board stream can send "everything after version N" to each browser without per-browser queues.
 */
public final class TerminalBoard {
    private static final System.Logger LOG = System.getLogger(TerminalBoard.class.getName());

    private final Clock clock;
    private final TerminalRegistry registry;
    private final Duration heartbeatGap;
    private final AtomicLong versions;
    private final AlertLog alerts;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public TerminalBoard(Clock clock, TerminalRegistry registry, Duration heartbeatGap, AtomicLong versions, AlertLog alerts) {
        this.clock = clock;
        this.registry = registry;
        this.heartbeatGap = heartbeatGap;
        this.versions = versions;
        this.alerts = alerts;
        registry.addListener(this::registryChanged);
    }

    public AlertLog alerts() {
        return alerts;
    }

    /** The highest version handed out so far. */
    public long version() {
        return versions.get();
    }

    /** A terminal's Hello was accepted on a new connection. */
    public void connected(String terminalId, String firmwareVersion) {
        Entry entry = entries.computeIfAbsent(terminalId, Entry::new);
        synchronized (entry) {
            entry.connections++;
            entry.firmwareVersion = firmwareVersion;
            entry.lastSeen = clock.instant();
            entry.stale = false;
            entry.version = versions.incrementAndGet();
        }
        alerts.resolve(AlertKind.HEARTBEAT_MISSED, terminalId, "");
    }

    public void heartbeat(String terminalId, Heartbeat heartbeat) {
        Entry entry = entries.computeIfAbsent(terminalId, Entry::new);
        Heartbeat previous;
        boolean wasStale;
        synchronized (entry) {
            previous = entry.heartbeat;
            wasStale = entry.stale;
            entry.heartbeat = heartbeat;
            entry.lastSeen = clock.instant();
            entry.lastHeartbeat = entry.lastSeen;
            entry.stale = false;
            entry.version = versions.incrementAndGet();
        }
        if (wasStale) {
            alerts.resolve(AlertKind.HEARTBEAT_MISSED, terminalId, "");
        }
        updateDeviceAlerts(terminalId, previous, heartbeat);
    }

    /** A connection of this terminal closed. */
    public void disconnected(String terminalId) {
        Entry entry = entries.get(terminalId);
        if (entry == null) {
            return;
        }
        synchronized (entry) {
            entry.connections = Math.max(0, entry.connections - 1);
            entry.version = versions.incrementAndGet();
        }
    }

    /**
     * Marks terminals silent for longer than the heartbeat gap as stale and raises an alert for
     * each (once). Call on a timer.
     */
    public void checkHeartbeats() {
        Instant cutoff = clock.instant().minus(heartbeatGap);
        for (Entry entry : entries.values()) {
            boolean turnedStale = false;
            synchronized (entry) {
                if (!entry.stale && entry.lastSeen != null && entry.lastSeen.isBefore(cutoff)
                        && !(entry.connections == 0 && entry.signedOff())) {
                    entry.stale = true;
                    entry.version = versions.incrementAndGet();
                    turnedStale = true;
                }
            }
            if (turnedStale) {
                LOG.log(System.Logger.Level.WARNING, "terminal {0} missed its heartbeats", entry.terminalId);
                alerts.raise(AlertKind.HEARTBEAT_MISSED, entry.terminalId, "");
            }
        }
    }

    /** Every registered terminal (and any other seen), sorted by id. */
    public List<TerminalView> snapshot() {
        return views(-1);
    }

    /** Rows changed after {@code version}. */
    public List<TerminalView> changedSince(long version) {
        return views(version);
    }

    public Optional<TerminalView> find(String terminalId) {
        return snapshot().stream().filter(view -> view.terminalId().equals(terminalId)).findFirst();
    }

    public Map<TerminalStatus, Long> countByStatus() {
        Map<TerminalStatus, Long> counts = new EnumMap<>(TerminalStatus.class);
        for (TerminalStatus status : TerminalStatus.values()) {
            counts.put(status, 0L);
        }
        for (TerminalView view : snapshot()) {
            counts.merge(view.status(), 1L, Long::sum);
        }
        return counts;
    }

    private List<TerminalView> views(long afterVersion) {
        List<TerminalView> views = new ArrayList<>();
        Map<String, Terminal> registered = new java.util.TreeMap<>();
        for (Terminal terminal : registry.all()) {
            registered.put(terminal.id(), terminal);
        }
        java.util.Set<String> ids = new java.util.TreeSet<>(registered.keySet());
        ids.addAll(entries.keySet());
        for (String id : ids) {
            Terminal terminal = registered.get(id);
            Entry entry = entries.get(id);
            long rowVersion = entry == null ? 0 : entry.version();
            if (terminal != null) {
                rowVersion = Math.max(rowVersion, registryVersions.getOrDefault(id, 0L));
            }
            if (rowVersion <= afterVersion) {
                continue;
            }
            views.add(entry == null ? neverSeen(terminal, rowVersion) : entry.view(terminal, rowVersion));
        }
        return views;
    }

    private final Map<String, Long> registryVersions = new ConcurrentHashMap<>();

    private void registryChanged(Terminal terminal) {
        registryVersions.put(terminal.id(), versions.incrementAndGet());
    }

    private static TerminalView neverSeen(Terminal terminal, long version) {
        return new TerminalView(terminal.id(), terminal.label(), terminal.enabled(), true, TerminalStatus.OFFLINE,
                false, "", null, -1, -1, null, null, null, 0, 0, 0, version);
    }

    private void updateDeviceAlerts(String terminalId, Heartbeat previous, Heartbeat current) {
        device(terminalId, "reader", previous == null ? null : previous.reader(), current.reader());
        device(terminalId, "printer", previous == null ? null : previous.printer(), current.printer());
        device(terminalId, "cashUnit", previous == null ? null : previous.cashUnit(), current.cashUnit());
        flag(terminalId, AlertKind.DEVICE_FAULT, "state",
                previous != null && previous.state() == TerminalState.ERROR, current.state() == TerminalState.ERROR);
        flag(terminalId, AlertKind.SUPPLIES_EMPTY, "paper",
                previous != null && previous.paperPercent() == 0, current.paperPercent() == 0);
        flag(terminalId, AlertKind.SUPPLIES_EMPTY, "toner",
                previous != null && previous.tonerPercent() == 0, current.tonerPercent() == 0);
    }

    private void device(String terminalId, String name, DeviceStatus before, DeviceStatus now) {
        flag(terminalId, AlertKind.DEVICE_FAULT, name, before == DeviceStatus.FAULT, now == DeviceStatus.FAULT);
    }

    private void flag(String terminalId, AlertKind kind, String subject, boolean before, boolean now) {
        if (now && !before) {
            alerts.raise(kind, terminalId, subject);
        } else if (before && !now) {
            alerts.resolve(kind, terminalId, subject);
        }
    }

    /** Mutable per-terminal state; every field guarded by the entry's monitor. */
    private static final class Entry {
        private final String terminalId;
        private int connections;
        private String firmwareVersion = "";
        private Heartbeat heartbeat;
        private Instant lastSeen;
        private Instant lastHeartbeat;
        private boolean stale;
        private long version;

        private Entry(String terminalId) {
            this.terminalId = terminalId;
        }

        synchronized long version() {
            return version;
        }

        synchronized TerminalView view(Terminal terminal, long rowVersion) {
            boolean connected = connections > 0;
            Heartbeat hb = heartbeat;
            return new TerminalView(terminalId, terminal == null ? "" : terminal.label(),
                    terminal != null && terminal.enabled(), terminal != null, status(connected),
                    connected, firmwareVersion, lastHeartbeat,
                    hb == null ? -1 : hb.paperPercent(), hb == null ? -1 : hb.tonerPercent(),
                    hb == null ? null : hb.reader(), hb == null ? null : hb.printer(), hb == null ? null : hb.cashUnit(),
                    hb == null ? 0 : hb.issuedCount(), hb == null ? 0 : hb.voidedCount(), hb == null ? 0 : hb.errorCount(),
                    rowVersion);
        }

        /** Its last heartbeat said it is switching off. */
        private boolean signedOff() {
            return heartbeat != null && heartbeat.state() == TerminalState.SHUT_DOWN;
        }

        private TerminalStatus status(boolean connected) {
            if (!connected && signedOff()) {
                return TerminalStatus.SWITCHED_OFF;
            }
            if (!connected || stale) {
                return TerminalStatus.OFFLINE;
            }
            Heartbeat hb = heartbeat;
            if (hb == null) {
                return TerminalStatus.ONLINE;
            }
            if (hb.state() == TerminalState.ERROR || hb.reader() == DeviceStatus.FAULT
                    || hb.printer() == DeviceStatus.FAULT || hb.cashUnit() == DeviceStatus.FAULT
                    || hb.paperPercent() == 0 || hb.tonerPercent() == 0) {
                return TerminalStatus.ERROR;
            }
            return switch (hb.state()) {
                case MAINTENANCE -> TerminalStatus.MAINTENANCE;
                case IN_SERVICE -> TerminalStatus.IN_USE;
                default -> TerminalStatus.ONLINE;
            };
        }
    }
}
