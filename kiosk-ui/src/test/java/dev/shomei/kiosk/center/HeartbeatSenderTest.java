package dev.shomei.kiosk.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionTimeouts;
import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.kiosk.testing.FakePrinter;
import dev.shomei.kiosk.testing.MutableClock;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.TerminalState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeartbeatSenderTest {
    private final MutableClock clock = MutableClock.noonInJapan();
    private final FakeCenter center = new FakeCenter();
    private final FakePrinter printer = new FakePrinter();
    private final SimulatedCoinUnit coins = new SimulatedCoinUnit();
    private OutcomeOutbox outbox;
    private KioskSession session;
    private HeartbeatSender heartbeat;
    /** What the heartbeat told about the center's verdict, in order. */
    private final List<Boolean> inService = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        KioskSession.Devices devices = new KioskSession.Devices(new FakeCard("1234"), center, coins, printer);
        outbox = new OutcomeOutbox(center, Runnable::run, 10);
        session = new KioskSession(devices, outbox, clock, SessionTimeouts.defaults(), Runnable::run, 5);
        heartbeat = new HeartbeatSender(center, outbox, devices, session::terminalState, session.counters(),
                inService::add, clock);
    }

    @Test
    void reportsTheDevicesAndTheState() {
        Heartbeat idle = heartbeat.build();
        assertEquals(TerminalState.IDLE, idle.state());
        assertEquals(DeviceStatus.OK, idle.reader());
        assertEquals(DeviceStatus.OK, idle.printer());
        assertEquals(DeviceStatus.OK, idle.cashUnit());
        assertEquals(80, idle.paperPercent());
        assertEquals(70, idle.tonerPercent());
        assertEquals(clock.instant(), idle.sentAt());
        session.start();
        assertEquals(TerminalState.IN_SERVICE, heartbeat.build().state());
    }

    @Test
    void anIdleKioskWithABrokenDeviceIsInError() {
        coins.setFailing(true);
        Heartbeat beat = heartbeat.build();
        assertEquals(TerminalState.ERROR, beat.state());
        assertEquals(DeviceStatus.FAULT, beat.cashUnit());
        coins.setFailing(false);
        printer.setFailing(true);
        assertEquals(TerminalState.ERROR, heartbeat.build().state());
    }

    @Test
    void sendsAndDeliversWaitingOutcomes() {
        center.failOutcome(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        outbox.submit(PrintOutcome.printed("tx-waiting"));
        center.failOutcome(null);
        clock.advance(Duration.ofSeconds(30));
        heartbeat.run();
        assertEquals(1, center.heartbeats.size());
        assertEquals("tx-waiting", center.outcomes.get(0).transactionId());
        assertEquals(0, outbox.pending());
    }

    @Test
    void signingOffSendsAShutDownHeartbeatAndSurvivesAnUnreachableCenter() {
        heartbeat.signOff();
        assertEquals(TerminalState.SHUT_DOWN, center.heartbeats.get(center.heartbeats.size() - 1).state());
        center.failHeartbeat(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        heartbeat.signOff(); // best effort: no exception out of an orderly stop
        assertEquals(2, center.heartbeats.size());
    }

    @Test
    void anAcknowledgedHeartbeatMeansInService() {
        heartbeat.run();
        assertEquals(List.of(true), inService);
    }

    @Test
    void terminalDisabledMeansOutOfServiceUntilAHeartbeatIsAcknowledged() {
        center.failHeartbeat(new ShomeiException(ErrorCode.TERMINAL_DISABLED, "disabled"));
        heartbeat.run();
        assertEquals(List.of(false), inService);
        center.failHeartbeat(null);
        heartbeat.run();
        assertEquals(List.of(false, true), inService);
    }

    @Test
    void aHeartbeatThatDoesNotGetThroughTellsNothing() {
        center.failHeartbeat(new ShomeiException(ErrorCode.CENTER_UNAVAILABLE, "down"));
        heartbeat.run();
        center.failHeartbeat(new ShomeiException(ErrorCode.PROTOCOL_ERROR, "odd answer"));
        heartbeat.run();
        assertEquals(List.of(), inService);
        assertEquals(2, center.heartbeats.size(), "both were tried");
    }

    @Test
    void aDisabledTerminalStartsNoSession() {
        heartbeat = new HeartbeatSender(center, outbox, new KioskSession.Devices(new FakeCard("1234"), center, coins,
                printer), session::terminalState, session.counters(), session, clock);
        center.failHeartbeat(new ShomeiException(ErrorCode.TERMINAL_DISABLED, "disabled"));
        heartbeat.run();
        ShomeiException refused = assertThrows(ShomeiException.class, session::start);
        assertEquals(ErrorCode.TERMINAL_DISABLED, refused.code());
        assertEquals(TerminalState.IDLE, session.terminalState());
        center.failHeartbeat(null);
        heartbeat.run();
        session.start();
        assertEquals(TerminalState.IN_SERVICE, session.terminalState());
    }
}
