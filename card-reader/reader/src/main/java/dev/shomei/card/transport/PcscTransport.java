package dev.shomei.card.transport;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * {@link CardTransport} over a {@code javax.smartcardio} card with exclusive access held from
 * {@link PcscReader#connect()} to {@link #close()}. Closing resets the card, so no verified PIN
 * state outlives the transaction. The JDK answers {@code 61xx} with GET RESPONSE and {@code 6Cxx}
 * with a re-sent command by itself.
 */
public final class PcscTransport implements CardTransport {
    private static final Logger LOG = System.getLogger(PcscTransport.class.getName());
    private static final int MAX_RESPONSE = 65536 + 2;

    private final String readerName;
    private final Card card;
    private final CardChannel channel;
    private final ByteBuffer response = ByteBuffer.allocate(MAX_RESPONSE);
    private boolean closed;

    PcscTransport(String readerName, Card card) {
        this.readerName = readerName;
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    public String readerName() {
        return readerName;
    }

    /** The card's answer to reset. */
    public byte[] atr() {
        return card.getATR().getBytes();
    }

    public String protocol() {
        return card.getProtocol();
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        response.clear();
        int length = 0;
        try {
            length = channel.transmit(ByteBuffer.wrap(command), response);
            byte[] out = new byte[length];
            response.flip();
            response.get(out);
            return out;
        } catch (CardException | IllegalStateException e) {
            throw PcscErrors.map("transmit on " + readerName, e);
        } finally {
            Arrays.fill(response.array(), 0, Math.min(MAX_RESPONSE, Math.max(length, response.position())), (byte) 0);
        }
    }

    /** Ends exclusive access and disconnects with a card reset. Never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            card.endExclusive();
        } catch (CardException | RuntimeException e) {
            LOG.log(Level.DEBUG, "end of exclusive access on {0}: {1}", readerName,
                    PcscErrors.pcscName(e).orElse(e.getClass().getSimpleName()));
        }
        try {
            card.disconnect(true);
        } catch (CardException | RuntimeException e) {
            LOG.log(Level.DEBUG, "disconnect on {0}: {1}", readerName,
                    PcscErrors.pcscName(e).orElse(e.getClass().getSimpleName()));
        }
    }

    @Override
    public String toString() {
        return "PcscTransport[" + readerName + "]";
    }
}
