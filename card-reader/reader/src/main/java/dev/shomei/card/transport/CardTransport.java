package dev.shomei.card.transport;

import dev.shomei.card.apdu.CommandApdu;
import dev.shomei.card.apdu.ResponseApdu;

/**
 * Sends one command APDU and returns the card's response. Features (tracing, recording) are
 * wrappers around this interface, not flags inside it. Not thread-safe.
 */
public interface CardTransport extends AutoCloseable {

    /**
     * @param command the encoded command APDU; the transport does not keep it (the caller may wipe it after)
     * @return the response: data followed by SW1 SW2
     * @throws dev.shomei.protocol.ShomeiException {@code CARD_REMOVED} when the card is gone,
     *         {@code CARD_UNREADABLE} for any other transmission failure
     */
    byte[] transceive(byte[] command);

    /** Convenience over {@link #transceive(byte[])}; wipes the encoded command afterwards. */
    default ResponseApdu transmit(CommandApdu command) {
        byte[] encoded = command.encode();
        try {
            byte[] response = transceive(encoded);
            if (response == null || response.length < 2) {
                throw new dev.shomei.protocol.ShomeiException(dev.shomei.protocol.ErrorCode.CARD_UNREADABLE,
                        command + ": response shorter than a status word");
            }
            return ResponseApdu.of(response);
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }

    /** Releases the card; never throws. */
    @Override
    void close();
}
