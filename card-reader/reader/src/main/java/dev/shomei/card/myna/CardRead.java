package dev.shomei.card.myna;

import dev.shomei.card.data.CardData;
import dev.shomei.card.data.CardFiles;

/**
 * What the kiosk gets from one read: the raw EF 0001..0004 (sent to the center for verification)
 * and the values parsed from them (not verified). {@link #close()} wipes the files and the number.
 */
public record CardRead(CardFiles files, CardData data) implements AutoCloseable {
    @Override
    public void close() {
        files.wipe();
        data.myNumber().wipe();
    }

    @Override
    public String toString() {
        return "CardRead[" + files + "]";
    }
}
