package dev.shomei.kiosk.center;

import dev.shomei.kiosk.device.CardReaderPort;
import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.kiosk.device.PrinterPort;
import dev.shomei.kiosk.device.PrinterStatus;
import dev.shomei.kiosk.session.Counters;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.TerminalState;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Every N seconds (and once at start-up): tells the center what the terminal is doing and how its
 * reader, printer (paper, toner) and cash unit are, tells the {@link ServiceStatusListener}
 * whether the center has the terminal in service (acknowledged) or not (TERMINAL_DISABLED), then
 * sends outcomes still waiting in the outbox.
 */
public final class HeartbeatSender implements Runnable {
    private static final System.Logger LOG = System.getLogger(HeartbeatSender.class.getName());

    private final CenterLink center;
    private final OutcomeOutbox outbox;
    private final CardReaderPort card;
    private final PrinterPort printer;
    private final CashUnit cash;
    private final Supplier<TerminalState> activity;
    private final Counters counters;
    private final ServiceStatusListener listener;
    private final Clock clock;

    /**
     * @param activity IDLE or IN_SERVICE: whether a resident is using the terminal
     * @param listener told the center's verdict after every heartbeat that got an answer
     */
    public HeartbeatSender(CenterLink center, OutcomeOutbox outbox, KioskSession.Devices devices,
                           Supplier<TerminalState> activity, Counters counters, ServiceStatusListener listener,
                           Clock clock) {
        this.center = Objects.requireNonNull(center, "center");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.card = devices.card();
        this.printer = devices.printer();
        this.cash = devices.cash();
        this.activity = Objects.requireNonNull(activity, "activity");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The heartbeat as of now. */
    public Heartbeat build() {
        PrinterStatus printerStatus = printer.status();
        DeviceStatus reader = card.status();
        DeviceStatus cashUnit = cash.status();
        TerminalState state = activity.get();
        if (state == TerminalState.IDLE && (broken(reader) || broken(printerStatus.printer()) || broken(cashUnit)
                || printerStatus.paperPercent() == 0 || printerStatus.tonerPercent() == 0)) {
            state = TerminalState.ERROR;
        }
        return new Heartbeat(state, printerStatus.paperPercent(), printerStatus.tonerPercent(), reader,
                printerStatus.printer(), cashUnit, counters.issued(), counters.voided(), counters.errors(),
                clock.instant());
    }

    @Override
    public void run() {
        try {
            center.heartbeat(build());
            listener.serviceStatus(true);
        } catch (ShomeiException e) {
            if (e.code() == ErrorCode.TERMINAL_DISABLED) {
                // refused at the heartbeat, or at the Hello before it: either way out of service
                listener.serviceStatus(false);
            } else {
                LOG.log(Level.DEBUG, "heartbeat not delivered: {0}", e.code());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "heartbeat failed: {0}", e.getClass().getName());
        }
        outbox.flush();
    }

    /**
     * The last heartbeat of an orderly stop: SHUT_DOWN, so the board shows the terminal switched off
     * instead of raising a missed-heartbeat alert for it. Best effort: a kiosk that cannot reach the
     * center now is shown offline, as it would be anyway.
     */
    public void signOff() {
        Heartbeat now = build();
        try {
            center.heartbeat(new Heartbeat(TerminalState.SHUT_DOWN, now.paperPercent(), now.tonerPercent(), now.reader(),
                    now.printer(), now.cashUnit(), now.issuedCount(), now.voidedCount(), now.errorCount(), now.sentAt()));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "sign-off heartbeat not delivered: {0}", e.getClass().getName());
        }
    }

    private static boolean broken(DeviceStatus status) {
        return status == DeviceStatus.FAULT || status == DeviceStatus.ABSENT;
    }
}
