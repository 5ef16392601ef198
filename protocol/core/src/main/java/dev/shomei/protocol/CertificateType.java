package dev.shomei.protocol;

/**
 * Which certificate a resident asks for: domestic (Japanese, SMART Health Card QR) or overseas
 * (Japanese and English, adds the ICAO VDS-NC QR and needs passport data on file).
 *
 * <p>Wire values ({@link #wireValue()}) are stable: never renumber, only append.
 */
public enum CertificateType {
    DOMESTIC(1),
    OVERSEAS(2);

    private final int wireValue;

    CertificateType(int wireValue) {
        this.wireValue = wireValue;
    }

    /** The stable number that goes on the wire. */
    public int wireValue() {
        return wireValue;
    }

    /** The type for a wire value, or {@code null} when the value is unknown. */
    public static CertificateType fromWire(int value) {
        for (CertificateType type : values()) {
            if (type.wireValue == value) {
                return type;
            }
        }
        return null;
    }
}
