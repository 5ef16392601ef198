package dev.shomei.kiosk.cash.cctalk;

import java.util.Arrays;

/**
 * One ccTalk message (generic specification, simple checksum): {@code [destination] [data length]
 * [source] [header] [data...] [checksum]}, where the checksum makes all bytes of the frame add up to
 * 0 mod 256. A reply has header 0 (ACK); header 5 is NAK.
 */
public record CcTalkFrame(int destination, int source, int header, byte[] data) {
    /** The host's address on the bus. */
    public static final int HOST = 1;
    public static final int ACK = 0;
    public static final int NAK = 5;

    public CcTalkFrame {
        data = data.clone();
        if (data.length > 252) {
            throw new IllegalArgumentException("ccTalk data is at most 252 bytes");
        }
    }

    public byte[] encode() {
        byte[] bytes = new byte[data.length + 5];
        bytes[0] = (byte) destination;
        bytes[1] = (byte) data.length;
        bytes[2] = (byte) source;
        bytes[3] = (byte) header;
        System.arraycopy(data, 0, bytes, 4, data.length);
        int sum = 0;
        for (int i = 0; i < bytes.length - 1; i++) {
            sum += bytes[i] & 0xff;
        }
        bytes[bytes.length - 1] = (byte) ((256 - sum % 256) % 256);
        return bytes;
    }

    /**
     * Reads one frame from the start of {@code bytes} ({@code length} valid).
     *
     * @return the frame, or null when more bytes are needed
     * @throws IllegalArgumentException when the checksum is wrong
     */
    public static CcTalkFrame decode(byte[] bytes, int length) {
        if (length < 5) {
            return null;
        }
        int dataLength = bytes[1] & 0xff;
        int total = dataLength + 5;
        if (length < total) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < total; i++) {
            sum += bytes[i] & 0xff;
        }
        if (sum % 256 != 0) {
            throw new IllegalArgumentException("ccTalk checksum error");
        }
        return new CcTalkFrame(bytes[0] & 0xff, bytes[2] & 0xff, bytes[3] & 0xff,
                Arrays.copyOfRange(bytes, 4, 4 + dataLength));
    }

    /** Bytes this frame takes on the line. */
    public int size() {
        return data.length + 5;
    }

    /** Data byte {@code i} as 0..255. */
    public int at(int i) {
        return data[i] & 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CcTalkFrame f && f.destination == destination && f.source == source
                && f.header == header && Arrays.equals(f.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * destination + source) + header) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ccTalk[" + source + "->" + destination + " header " + header + ", " + data.length + " data bytes]";
    }
}
