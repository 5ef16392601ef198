package dev.shomei.kiosk.cash;

import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A coin unit in software, for the demo and the tests: takes 10, 50, 100 and 500 yen coins and
 * 1000 yen notes, pays out change and refunds, and can be told to fail. {@link #insert(int)} is
 * the coin slot (the demo screen's coin buttons and the headless mode call it).
 *
 * <p>The listener is called outside this unit's lock, so the session may call back into the unit.
 */
public final class SimulatedCoinUnit implements CashUnit {
    private static final System.Logger LOG = System.getLogger(SimulatedCoinUnit.class.getName());

    /** What the slot accepts, yen. */
    public static final Set<Integer> ACCEPTED = Set.of(10, 50, 100, 500, 1000);

    /** What became of one inserted coin. */
    public enum Insert {
        /** Counted toward the open payment. */
        ACCEPTED,
        /** Not a coin the unit takes, or no payment open, or already paid: returned at once. */
        RETURNED
    }

    private final List<Integer> payouts = new ArrayList<>();
    private Listener listener;
    private boolean open;
    private boolean collected;
    private int dueYen;
    private int insertedYen;
    private long keptYen;
    private boolean failing;

    /** The coin slot. */
    public Insert insert(int yen) {
        Listener toTell;
        int total;
        synchronized (this) {
            if (!open || collected || !ACCEPTED.contains(yen)) {
                LOG.log(Level.DEBUG, "coin of {0} yen returned", yen);
                return Insert.RETURNED;
            }
            insertedYen += yen;
            total = insertedYen;
            toTell = listener;
        }
        toTell.inserted(total);
        return Insert.ACCEPTED;
    }

    @Override
    public synchronized void begin(int dueYen, Listener listener) {
        if (dueYen <= 0) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the amount due must be positive");
        }
        if (failing) {
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "cash unit fault");
        }
        this.listener = listener;
        this.dueYen = dueYen;
        this.insertedYen = 0;
        this.collected = false;
        this.open = true;
    }

    @Override
    public synchronized int insertedYen() {
        return insertedYen;
    }

    @Override
    public synchronized int collect() {
        requireOpen();
        if (collected) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "already collected");
        }
        if (insertedYen < dueYen) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "not enough money inserted");
        }
        if (failing) {
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "cash unit fault");
        }
        int change = insertedYen - dueYen;
        payOut(change);
        keptYen += dueYen;
        collected = true;
        return change;
    }

    @Override
    public synchronized int refund() {
        requireOpen();
        if (failing) {
            throw new ShomeiException(ErrorCode.PAYMENT_ERROR, "cash unit fault");
        }
        int amount = collected ? dueYen : insertedYen;
        if (collected) {
            keptYen -= dueYen;
        }
        payOut(amount);
        insertedYen = 0;
        collected = false;
        dueYen = 0;
        return amount;
    }

    @Override
    public synchronized void end() {
        open = false;
        collected = false;
        listener = null;
        dueYen = 0;
        insertedYen = 0;
    }

    @Override
    public synchronized DeviceStatus status() {
        return failing ? DeviceStatus.FAULT : DeviceStatus.OK;
    }

    /** Fault injection: a failing unit takes no payment and pays nothing out. */
    public synchronized void setFailing(boolean failing) {
        this.failing = failing;
    }

    /** Whether a payment is open. */
    public synchronized boolean isOpen() {
        return open;
    }

    /** Every amount paid out (change and refunds), oldest first. */
    public synchronized List<Integer> payouts() {
        return List.copyOf(payouts);
    }

    /** The fees kept in the coin box. */
    public synchronized long keptYen() {
        return keptYen;
    }

    private void payOut(int yen) {
        if (yen > 0) {
            payouts.add(yen);
            LOG.log(Level.DEBUG, "paid out {0} yen", yen);
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "no payment is open");
        }
    }
}
