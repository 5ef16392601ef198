package dev.shomei.kiosk.device;

import dev.shomei.card.data.CardFiles;
import dev.shomei.protocol.line.DeviceStatus;

/**
 * The kiosk's card reader as the session sees it: is a card there, how many PIN tries are left,
 * verify the PIN and read the four files of the input-assist AP. Implementations own the reader's
 * thread-safety; the session calls {@link #pinTriesLeft()} and {@link #verifyPinAndRead(char[])}
 * from one worker thread and {@link #cardPresent()} from the presence monitor.
 */
public interface CardReaderPort {

    /** Whether a card sits in the reader now. Never throws: a reader fault reads as "no card". */
    boolean cardPresent();

    /**
     * The PIN tries left, asked without consuming one.
     *
     * @throws dev.shomei.protocol.ShomeiException CARD_REMOVED, CARD_UNREADABLE
     */
    int pinTriesLeft();

    /**
     * VERIFY the PIN, then read EF 0001..0004. The implementation does not keep {@code pin}; the
     * caller wipes it.
     *
     * @throws dev.shomei.protocol.ShomeiException PIN_INCORRECT, PIN_BLOCKED, CARD_REMOVED,
     *         CARD_UNREADABLE
     */
    CardFiles verifyPinAndRead(char[] pin);

    /** The reader's health for the heartbeat. */
    DeviceStatus status();
}
