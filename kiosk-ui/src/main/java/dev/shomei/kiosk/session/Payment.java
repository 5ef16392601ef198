package dev.shomei.kiosk.session;

import dev.shomei.kiosk.device.CashUnit;
import dev.shomei.protocol.ShomeiException;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The cash side of one session on the {@link CashUnit}: opens the slot for the fee, counts what
 * was inserted, keeps the fee and pays the change, and on a way out pays back what was not earned
 * and closes the slot. Holds amounts only; called under the session's lock.
 */
final class Payment {
    private static final System.Logger LOG = System.getLogger(Payment.class.getName());

    /** What a way out paid back; {@code failed} when the unit could not pay out. */
    record Refund(int yen, boolean failed) {
        static final Refund NONE = new Refund(0, false);
    }

    private final CashUnit cash;
    private boolean open;
    private int insertedYen;
    private int changeYen;
    private int refundedYen;

    Payment(CashUnit cash) {
        this.cash = Objects.requireNonNull(cash, "cash");
    }

    /**
     * Opens the slot for {@code feeYen}; the unit reports coins to {@code listener}.
     *
     * @throws ShomeiException when the unit cannot take money (the slot stays closed)
     */
    void open(int feeYen, CashUnit.Listener listener) {
        cash.begin(feeYen, listener);
        open = true;
    }

    boolean isOpen() {
        return open;
    }

    void inserted(int yen) {
        insertedYen = yen;
    }

    /**
     * Keeps the fee and pays out the change.
     *
     * @throws ShomeiException when the unit cannot
     */
    void collect() {
        changeYen = cash.collect();
    }

    /** The fee was earned (the certificate printed): closes the slot. */
    void close() {
        if (open) {
            cash.end();
            open = false;
        }
    }

    /** A way out: pays back everything the open payment took (the coins, or the fee once collected) and closes. */
    Refund refundAndClose() {
        if (!open) {
            return Refund.NONE;
        }
        try {
            refundedYen = cash.refund();
            return new Refund(refundedYen, false);
        } catch (ShomeiException e) {
            LOG.log(Level.ERROR, "cash unit could not refund: {0}", e.code());
            return new Refund(0, true);
        } finally {
            cash.end();
            open = false;
        }
    }

    int insertedYen() {
        return insertedYen;
    }

    int changeYen() {
        return changeYen;
    }

    /**
     * The money this payment kept from the resident: the fee once collected, less what a way out
     * paid back; more than 0 after a way out only when the unit could not pay everything back.
     * Reported to the center with the outcome.
     */
    int keptYen() {
        return Math.max(0, insertedYen - changeYen - refundedYen);
    }

    /** Forgets the amounts for the next session. */
    void reset() {
        insertedYen = 0;
        changeYen = 0;
        refundedYen = 0;
    }
}
