package dev.shomei.kiosk.device;

import dev.shomei.protocol.line.DeviceStatus;

/**
 * The coin (and note) unit that takes the fee. One payment at a time:
 * {@link #begin} opens the slot for an amount due, the unit reports every accepted coin to the
 * listener, {@link #collect()} keeps the fee and pays out the change, {@link #refund()} gives back
 * everything this payment took, {@link #end()} closes the slot.
 */
public interface CashUnit {

    /** Told about money as it arrives; called on the unit's own thread. */
    @FunctionalInterface
    interface Listener {
        /** @param insertedYen the total inserted for this payment so far */
        void inserted(int insertedYen);

        /** The unit failed during the open payment (a jam, a device gone): the session ends it. */
        default void failed() {
        }
    }

    /**
     * Opens the slot for one payment.
     *
     * @throws dev.shomei.protocol.ShomeiException PAYMENT_ERROR when the unit cannot take money
     */
    void begin(int dueYen, Listener listener);

    /** The total inserted for the open payment. */
    int insertedYen();

    /**
     * Keeps the amount due and pays out what was inserted beyond it.
     *
     * @return the change paid out, yen
     * @throws dev.shomei.protocol.ShomeiException PAYMENT_ERROR, or INVALID_REQUEST when not enough was inserted
     */
    int collect();

    /**
     * Pays back everything this payment took: the coins inserted, or the fee after {@link #collect()}.
     *
     * @return the amount paid back, yen
     * @throws dev.shomei.protocol.ShomeiException PAYMENT_ERROR when the unit cannot pay out
     */
    int refund();

    /** Closes the slot; coins inserted after this are returned at once. Never throws. */
    void end();

    /** The unit's health for the heartbeat. */
    DeviceStatus status();
}
