package dev.shomei.card.cli;

import dev.shomei.card.transport.CardTransport;

/** Counts the APDUs sent: the diagnostic reports it. */
final class CountingTransport implements CardTransport {
    private final CardTransport inner;
    private int count;

    CountingTransport(CardTransport inner) {
        this.inner = inner;
    }

    @Override
    public byte[] transceive(byte[] command) {
        count++;
        return inner.transceive(command);
    }

    int count() {
        return count;
    }

    @Override
    public void close() {
        inner.close();
    }
}
