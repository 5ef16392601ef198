package dev.shomei.printing.qr;

import java.util.Arrays;

/** A growable sequence of bits, most significant first. */
final class BitBuffer {
    private byte[] bytes = new byte[64];
    private int size;

    void append(int value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            appendBit(((value >>> i) & 1) != 0);
        }
    }

    void appendBit(boolean bit) {
        if (size == bytes.length * 8) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (bit) {
            bytes[size >>> 3] |= (byte) (0x80 >>> (size & 7));
        }
        size++;
    }

    int size() {
        return size;
    }

    boolean get(int index) {
        return (bytes[index >>> 3] & (0x80 >>> (index & 7))) != 0;
    }

    /** The bits as bytes; the size must be a multiple of eight. */
    byte[] toBytes() {
        if (size % 8 != 0) {
            throw new IllegalStateException("not a whole number of bytes");
        }
        return Arrays.copyOf(bytes, size / 8);
    }
}
