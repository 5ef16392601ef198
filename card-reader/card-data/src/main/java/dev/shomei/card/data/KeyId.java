package dev.shomei.card.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A 16-byte J-LIS key id (証明者鍵ID): 7 ASCII digits, {@code 08 05}, 3 ASCII digits, 4 padding
 * bytes. Written as {@code "5000033/001"}. Keys are looked up by all 16 bytes, so two ids that
 * print alike but differ in a padding byte are different keys.
 */
public final class KeyId {
    public static final int LENGTH = 16;
    private static final Pattern TEXT = Pattern.compile("[0-9]{7}/[0-9]{3}");

    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Any 16 bytes (as read from a certificate). */
    public static KeyId of(byte[] sixteenBytes) {
        if (sixteenBytes == null || sixteenBytes.length != LENGTH) {
            throw new IllegalArgumentException("a key id has 16 bytes");
        }
        return new KeyId(sixteenBytes.clone());
    }

    /** From the printed form {@code "5000033/001"}: padding bytes are zero. */
    public static KeyId parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("a key id is written like 5000033/001");
        }
        byte[] b = new byte[LENGTH];
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, b, 0, 7);
        b[7] = 0x08;
        b[8] = 0x05;
        System.arraycopy(ascii, 8, b, 9, 3);
        return new KeyId(b);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first digit: 5 production, 6 JPKI test, 9 shomei dev. */
    public char hierarchy() {
        return (char) (bytes[0] & 0xFF);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** "5000033/001" when the bytes have the usual layout, else the hex. */
    @Override
    public String toString() {
        boolean usual = bytes[7] == 0x08 && bytes[8] == 0x05 && digits(0, 7) && digits(9, 12)
                && bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] == 0;
        if (usual) {
            return new String(bytes, 0, 7, StandardCharsets.US_ASCII) + "/"
                    + new String(bytes, 9, 3, StandardCharsets.US_ASCII);
        }
        return dev.shomei.card.apdu.Hex.of(bytes);
    }

    private boolean digits(int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < '0' || bytes[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
