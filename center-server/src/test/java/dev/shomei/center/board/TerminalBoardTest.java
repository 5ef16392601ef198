package dev.shomei.center.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.testing.MutableClock;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.TerminalState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalBoardTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-01T01:00:00Z"), ZoneOffset.UTC);
    private TerminalRegistry registry;
    private TerminalBoard board;
    private AlertLog alerts;

    @BeforeEach
    void setUp() {
        registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        registry.register("K0001", "Store 1");
        registry.register("K0002", "Store 2");
        AtomicLong versions = new AtomicLong();
        alerts = new AlertLog(clock, versions::incrementAndGet, 100);
        board = new TerminalBoard(clock, registry, Duration.ofSeconds(90), versions, alerts);
    }

    private static Heartbeat heartbeat(TerminalState state, int paper, DeviceStatus printer) {
        return new Heartbeat(state, paper, 80, DeviceStatus.OK, printer, DeviceStatus.OK, 3, 1, 0, Instant.EPOCH);
    }

    private TerminalStatus status(String id) {
        return board.find(id).orElseThrow().status();
    }

    @Test
    void registeredTerminalsShowOfflineUntilTheyConnect() {
        assertEquals(List.of("K0001", "K0002"), board.snapshot().stream().map(TerminalView::terminalId).toList());
        assertEquals(TerminalStatus.OFFLINE, status("K0001"));

        board.connected("K0001", "1.2.3");
        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));
        TerminalView view = board.find("K0001").orElseThrow();
        assertEquals(TerminalStatus.ONLINE, view.status());
        assertEquals("1.2.3", view.firmwareVersion());
        assertEquals(70, view.paperPercent());
        assertEquals(clock.instant(), view.lastHeartbeat());

        board.heartbeat("K0001", heartbeat(TerminalState.IN_SERVICE, 70, DeviceStatus.OK));
        assertEquals(TerminalStatus.IN_USE, status("K0001"));
        board.heartbeat("K0001", heartbeat(TerminalState.MAINTENANCE, 70, DeviceStatus.OK));
        assertEquals(TerminalStatus.MAINTENANCE, status("K0001"));
    }

    @Test
    void missedHeartbeatsTurnATerminalOfflineAndRaiseOneAlertThatResolvesOnReturn() {
        board.connected("K0001", "1.0");
        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));

        clock.advance(Duration.ofSeconds(89));
        board.checkHeartbeats();
        assertEquals(TerminalStatus.ONLINE, status("K0001"));
        assertEquals(0, alerts.openCount());

        clock.advance(Duration.ofSeconds(2));
        board.checkHeartbeats();
        board.checkHeartbeats();
        assertEquals(TerminalStatus.OFFLINE, status("K0001"));
        assertEquals(1, alerts.openCount(), "one alert, not one per check");
        Alert alert = alerts.all().get(0);
        assertEquals(AlertKind.HEARTBEAT_MISSED, alert.kind());
        assertEquals("K0001", alert.terminalId());

        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));
        assertEquals(TerminalStatus.ONLINE, status("K0001"));
        assertEquals(0, alerts.openCount());
        assertFalse(alerts.all().get(0).isOpen());
    }

    @Test
    void aClosedConnectionIsOfflineAtOnceAndAlertsAfterTheGap() {
        board.connected("K0001", "1.0");
        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));
        board.disconnected("K0001");
        assertEquals(TerminalStatus.OFFLINE, status("K0001"));
        assertEquals(0, alerts.openCount(), "a reconnect during failover is not an alarm");
        clock.advance(Duration.ofSeconds(91));
        board.checkHeartbeats();
        assertEquals(1, alerts.openCount());
    }

    @Test
    void aTerminalThatSignedOffIsSwitchedOffWithoutAnAlertUntilItConnectsAgain() {
        board.connected("K0001", "1.0");
        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));
        board.heartbeat("K0001", heartbeat(TerminalState.SHUT_DOWN, 70, DeviceStatus.OK));
        assertEquals(TerminalStatus.ONLINE, status("K0001"), "still connected: the sign-off is its last word");
        board.disconnected("K0001");
        assertEquals(TerminalStatus.SWITCHED_OFF, status("K0001"));

        clock.advance(Duration.ofHours(12));
        board.checkHeartbeats();
        assertEquals(0, alerts.openCount(), "an orderly stop is no missed heartbeat");
        assertEquals(TerminalStatus.SWITCHED_OFF, status("K0001"));

        board.connected("K0001", "1.0");
        board.heartbeat("K0001", heartbeat(TerminalState.IDLE, 70, DeviceStatus.OK));
        assertEquals(TerminalStatus.ONLINE, status("K0001"));
        board.disconnected("K0001");
        clock.advance(Duration.ofSeconds(91));
        board.checkHeartbeats();
        assertEquals(1, alerts.openCount(), "gone without a word again: the alert is back");
    }

    @Test
    void faultsAndEmptySuppliesRaiseAndResolveAlerts() {
        board.connected("K0002", "1.0");
        board.heartbeat("K0002", heartbeat(TerminalState.IDLE, 0, DeviceStatus.FAULT));
        assertEquals(TerminalStatus.ERROR, status("K0002"));
        assertEquals(List.of("paper", "printer"),
                alerts.all().stream().filter(Alert::isOpen).map(Alert::subject).sorted().toList());

        board.heartbeat("K0002", heartbeat(TerminalState.IDLE, 0, DeviceStatus.FAULT));
        assertEquals(2, alerts.openCount(), "a repeated fault is the same alert");

        board.heartbeat("K0002", heartbeat(TerminalState.IDLE, 100, DeviceStatus.OK));
        assertEquals(TerminalStatus.ONLINE, status("K0002"));
        assertEquals(0, alerts.openCount());
    }

    @Test
    void changedSinceReturnsOnlyNewerRows() {
        long before = board.version();
        board.connected("K0002", "1.0");
        assertEquals(List.of("K0002"), board.changedSince(before).stream().map(TerminalView::terminalId).toList());
        long after = board.version();
        registry.setEnabled("K0001", false);
        List<TerminalView> changed = board.changedSince(after);
        assertEquals(1, changed.size());
        assertFalse(changed.get(0).enabled());
        assertTrue(board.changedSince(board.version()).isEmpty());
    }
}
