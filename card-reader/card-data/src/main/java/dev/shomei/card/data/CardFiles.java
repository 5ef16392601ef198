package dev.shomei.card.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The raw bytes of EF 0001..0004 as read from the card, kept only in memory. The arrays are held
 * and returned without copying so that {@link #wipe()} clears the only copy; pass them on, never
 * keep them.
 */
public final class CardFiles implements AutoCloseable {
    private final byte[] ef0001;
    private final byte[] ef0002;
    private final byte[] ef0003;
    private final byte[] ef0004;

    public CardFiles(byte[] ef0001, byte[] ef0002, byte[] ef0003, byte[] ef0004) {
        this.ef0001 = Objects.requireNonNull(ef0001, "ef0001");
        this.ef0002 = Objects.requireNonNull(ef0002, "ef0002");
        this.ef0003 = Objects.requireNonNull(ef0003, "ef0003");
        this.ef0004 = Objects.requireNonNull(ef0004, "ef0004");
    }

    /** My Number file. */
    public byte[] ef0001() {
        return ef0001;
    }

    /** Basic 4 info file. */
    public byte[] ef0002() {
        return ef0002;
    }

    /** Hashes and signature. */
    public byte[] ef0003() {
        return ef0003;
    }

    /** CV certificate. */
    public byte[] ef0004() {
        return ef0004;
    }

    /** Zeroes all four files. */
    public void wipe() {
        Arrays.fill(ef0001, (byte) 0);
        Arrays.fill(ef0002, (byte) 0);
        Arrays.fill(ef0003, (byte) 0);
        Arrays.fill(ef0004, (byte) 0);
    }

    @Override
    public void close() {
        wipe();
    }

    /** Sizes only. */
    @Override
    public String toString() {
        return "CardFiles[ef0001=" + ef0001.length + "B, ef0002=" + ef0002.length + "B, ef0003="
                + ef0003.length + "B, ef0004=" + ef0004.length + "B]";
    }
}
