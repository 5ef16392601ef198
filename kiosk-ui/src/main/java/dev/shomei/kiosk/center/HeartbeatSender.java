package dev.shomei.kiosk.center;

import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.PrinterStatus;
import dev.shomei.kiosk.session.Counters;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.TerminalState;
import java.lang.System.Logger.Level;
import java.time.Clock;

/**
 * Every N seconds: tells the center what the terminal is doing and how its reader, printer (paper,
 * toner) and cash unit are, then sends outcomes still waiting in the outbox.
 */
public final class HeartbeatSender implements Runnable {
    private static final System.Logger LOG = System.getLogger(HeartbeatSender.class.getName());

    private final CenterLink center;
    private final OutcomeOutbox outbox;
    private final KioskSession session;
    private final CardReaderPort card;
    private final PrinterPort printer;
    private final CashUnit cash;
    private final Clock clock;

    public HeartbeatSender(CenterLink center, OutcomeOutbox outbox, KioskSession session,
                           KioskSession.Devices devices, Clock clock) {
        this.center = center;
        this.outbox = outbox;
        this.session = session;
        this.card = devices.card();
        this.printer = devices.printer();
        this.cash = devices.cash();
        this.clock = clock;
    }

    /** The heartbeat as of now. */
    public Heartbeat build() {
        PrinterStatus printerStatus = printer.status();
        DeviceStatus reader = card.status();
        DeviceStatus cashUnit = cash.status();
        TerminalState state = session.terminalState();
        if (state == TerminalState.IDLE && (broken(reader) || broken(printerStatus.printer()) || broken(cashUnit)
                || printerStatus.paperPercent() == 0 || printerStatus.tonerPercent() == 0)) {
            state = TerminalState.ERROR;
        }
        Counters counters = session.counters();
        return new Heartbeat(state, printerStatus.paperPercent(), printerStatus.tonerPercent(), reader,
                printerStatus.printer(), cashUnit, counters.issued(), counters.voided(), counters.errors(),
                clock.instant());
    }

    @Override
    public void run() {
        try {
            center.heartbeat(build());
        } catch (ShomeiException e) {
            LOG.log(Level.DEBUG, "heartbeat not delivered: {0}", e.code());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat failed: {0}", e.getClass().getName());
        }
        outbox.flush();
    }

    private static boolean broken(DeviceStatus status) {
        return status == DeviceStatus.FAULT || status == DeviceStatus.ABSENT;
    }
}
