package dev.shomei.protocol.line;

/** Why an issuance was voided at the kiosk ({@link #NONE} for a printed one). Wire values are stable. */
public enum VoidReason {
    /** Not voided: the certificate was printed. */
    NONE(0),
    /** The resident cancelled on the confirm or payment screen. */
    CANCELLED(1),
    /** The resident walked away: a step timed out. */
    TIMEOUT(2),
    /** The cash unit failed or the payment could not complete. */
    PAYMENT_FAILED(3),
    /** The printer failed after payment (the fee was refunded). */
    PRINTER_FAILED(4),
    /** The card was removed at a step that needs it. */
    CARD_REMOVED(5),
    /** Anything else that went wrong on the kiosk. */
    TERMINAL_ERROR(6);

    private final int wireValue;

    VoidReason(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** The reason for a wire value, or {@code null} when unknown. */
    public static VoidReason fromWire(int value) {
        for (VoidReason reason : values()) {
            if (reason.wireValue == value) {
                return reason;
            }
        }
        return null;
    }
}
