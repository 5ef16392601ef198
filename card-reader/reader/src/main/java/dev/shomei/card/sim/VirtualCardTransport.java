package dev.shomei.card.sim;

import dev.shomei.card.transport.CardTransport;

/** A {@link CardTransport} straight onto a {@link VirtualCard}, without any PC/SC layer. */
public final class VirtualCardTransport implements CardTransport {
    private final VirtualCard card;

    public VirtualCardTransport(VirtualCard card) {
        this.card = card;
    }

    @Override
    public byte[] transceive(byte[] command) {
        return card.process(command);
    }

    /** Powers the card down, as taking it out of a reader would. */
    @Override
    public void close() {
        card.reset();
    }
}
