package dev.shomei.card.apdu;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ISO 7816-4 command APDU: header, optional data, optional Ne (expected response length).
 *
 * <p>Encoding: short form when the data is at most 255 bytes and Ne at most 256 ({@code Le=00}
 * means 256), extended form otherwise. Example, READ BINARY of 17 bytes from the EF with short id 1:
 * {@code 00 B0 81 00 11}.
 *
 * <p>The data array is owned by this object (not copied) so that a caller holding a PIN can wipe
 * it with {@link #wipe()}; {@link #toString()} never prints the data.
 */
public final class CommandApdu {
    /** Ne value meaning "no response data expected". */
    public static final int NO_RESPONSE_DATA = 0;

    private final int cla;
    private final int ins;
    private final int p1;
    private final int p2;
    private final byte[] data;
    private final int ne;

    private CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        this.cla = checkByte(cla, "CLA");
        this.ins = checkByte(ins, "INS");
        this.p1 = checkByte(p1, "P1");
        this.p2 = checkByte(p2, "P2");
        if (data.length > 65535) {
            throw new IllegalArgumentException("command data longer than 65535 bytes");
        }
        if (ne < 0 || ne > 65536) {
            throw new IllegalArgumentException("Ne out of range: " + ne);
        }
        this.data = data;
        this.ne = ne;
    }

    /** Case 1: header only. */
    public static CommandApdu of(int cla, int ins, int p1, int p2) {
        return new CommandApdu(cla, ins, p1, p2, new byte[0], NO_RESPONSE_DATA);
    }

    /** Case 3: header and data. The array is not copied. */
    public static CommandApdu withData(int cla, int ins, int p1, int p2, byte[] data) {
        return new CommandApdu(cla, ins, p1, p2, data, NO_RESPONSE_DATA);
    }

    /** Case 2: header and Ne (1..65536). */
    public static CommandApdu expecting(int cla, int ins, int p1, int p2, int ne) {
        if (ne < 1) {
            throw new IllegalArgumentException("Ne must be at least 1");
        }
        return new CommandApdu(cla, ins, p1, p2, new byte[0], ne);
    }

    /**
     * Decodes an APDU as it arrives on the wire (the virtual card uses this).
     *
     * @throws IllegalArgumentException when the bytes are not a well-formed APDU (a card answers 67 00)
     */
    public static CommandApdu decode(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw new IllegalArgumentException("APDU shorter than 4 bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        int body = apdu.length - 4;
        if (body == 0) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], NO_RESPONSE_DATA);
        }
        int b0 = apdu[4] & 0xFF;
        if (body == 1) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], b0 == 0 ? 256 : b0);
        }
        if (b0 != 0) {
            // short Lc
            int lc = b0;
            if (body == 1 + lc) {
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), NO_RESPONSE_DATA);
            }
            if (body == 2 + lc) {
                int le = apdu[5 + lc] & 0xFF;
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), le == 0 ? 256 : le);
            }
            throw new IllegalArgumentException("short APDU length does not match Lc");
        }
        // extended: 00 followed by two bytes
        if (body == 3) {
            int le = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, new byte[0], le == 0 ? 65536 : le);
        }
        if (body < 3) {
            throw new IllegalArgumentException("truncated extended APDU");
        }
        int lc = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (lc == 0) {
            throw new IllegalArgumentException("extended Lc of zero");
        }
        if (body == 3 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), NO_RESPONSE_DATA);
        }
        if (body == 5 + lc) {
            int le = ((apdu[7 + lc] & 0xFF) << 8) | (apdu[8 + lc] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), le == 0 ? 65536 : le);
        }
        throw new IllegalArgumentException("extended APDU length does not match Lc");
    }

    public int cla() {
        return cla;
    }

    public int ins() {
        return ins;
    }

    public int p1() {
        return p1;
    }

    public int p2() {
        return p2;
    }

    /** The command data, not copied: callers must not modify it. */
    public byte[] data() {
        return data;
    }

    public int nc() {
        return data.length;
    }

    /** Expected response length; 0 when none is expected. */
    public int ne() {
        return ne;
    }

    /** The wire encoding. The caller owns the returned array (wipe it when it carries a PIN). */
    public byte[] encode() {
        boolean extended = data.length > 255 || ne > 256;
        int size = 4;
        if (data.length > 0) {
            size += (extended ? 3 : 1) + data.length;
        }
        if (ne > 0) {
            size += extended ? (data.length > 0 ? 2 : 3) : 1;
        }
        byte[] out = new byte[size];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int at = 4;
        if (data.length > 0) {
            if (extended) {
                out[at++] = 0;
                out[at++] = (byte) (data.length >> 8);
            }
            out[at++] = (byte) data.length;
            System.arraycopy(data, 0, out, at, data.length);
            at += data.length;
        }
        if (ne > 0) {
            if (extended) {
                if (data.length == 0) {
                    out[at++] = 0;
                }
                int le = ne == 65536 ? 0 : ne;
                out[at++] = (byte) (le >> 8);
                out[at] = (byte) le;
            } else {
                out[at] = (byte) (ne == 256 ? 0 : ne);
            }
        }
        return out;
    }

    /** Overwrites the command data with zeros (for VERIFY). */
    public void wipe() {
        Arrays.fill(data, (byte) 0);
    }

    /** Header, Nc and Ne only: never the data. */
    @Override
    public String toString() {
        return HexFormat.of().withUpperCase().formatHex(new byte[] {(byte) cla, (byte) ins, (byte) p1, (byte) p2})
                + " Nc=" + data.length + " Ne=" + ne;
    }

    private static int checkByte(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " is not a byte: " + value);
        }
        return value;
    }
}
