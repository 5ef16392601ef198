package dev.shomei.card.apdu;

import java.util.Arrays;

/**
 * A response APDU: data followed by SW1 SW2. The data array is owned by this object; callers that
 * hold personal data call {@link #wipe()} once they have copied what they need.
 */
public final class ResponseApdu {
    private final byte[] bytes;

    private ResponseApdu(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps the raw response (not copied).
     *
     * @throws IllegalArgumentException when shorter than the two status bytes
     */
    public static ResponseApdu of(byte[] raw) {
        if (raw == null || raw.length < 2) {
            throw new IllegalArgumentException("response shorter than 2 bytes");
        }
        return new ResponseApdu(raw);
    }

    /** A response built from data and a status word (the virtual card answers with these). */
    public static ResponseApdu of(byte[] data, int sw) {
        byte[] raw = Arrays.copyOf(data, data.length + 2);
        raw[data.length] = (byte) (sw >> 8);
        raw[data.length + 1] = (byte) sw;
        return new ResponseApdu(raw);
    }

    public static ResponseApdu status(int sw) {
        return of(new byte[0], sw);
    }

    public int sw() {
        return ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
    }

    public int sw1() {
        return bytes[bytes.length - 2] & 0xFF;
    }

    public int sw2() {
        return bytes[bytes.length - 1] & 0xFF;
    }

    public int dataLength() {
        return bytes.length - 2;
    }

    /** A copy of the response data (without SW). */
    public byte[] data() {
        return Arrays.copyOf(bytes, bytes.length - 2);
    }

    /** Copies the response data into {@code target} at {@code offset}. */
    public void copyDataTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length - 2);
    }

    /** The raw response, not copied. */
    public byte[] bytes() {
        return bytes;
    }

    public void wipe() {
        Arrays.fill(bytes, 0, bytes.length - 2, (byte) 0);
    }

    /** Length and status word only: never the data. */
    @Override
    public String toString() {
        return dataLength() + " bytes, SW " + StatusWords.hex(sw());
    }
}
