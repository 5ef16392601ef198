package dev.shomei.protocol.line;

/** The status of one kiosk device (card reader, printer, cash unit). Wire values are stable. */
public enum DeviceStatus {
    OK(0),
    /** Works, but needs attention soon (paper low, coin box nearly full). */
    WARNING(1),
    /** Does not work. */
    FAULT(2),
    /** Not connected. */
    ABSENT(3);

    private final int wireValue;

    DeviceStatus(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** The status for a wire value, or {@code null} when unknown. */
    public static DeviceStatus fromWire(int value) {
        for (DeviceStatus status : values()) {
            if (status.wireValue == value) {
                return status;
            }
        }
        return null;
    }
}
