package dev.shomei.protocol.line;

/** How an issuance ended at the kiosk. Wire values are stable. */
public enum PrintResult {
    /** The certificate was printed and handed out; the fee was taken. */
    PRINTED(1),
    /** Nothing was handed out; any fee taken was refunded. */
    VOIDED(2);

    private final int wireValue;

    PrintResult(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** The result for a wire value, or {@code null} when unknown. */
    public static PrintResult fromWire(int value) {
        for (PrintResult result : values()) {
            if (result.wireValue == value) {
                return result;
            }
        }
        return null;
    }
}
