package dev.shomei.card.transport;

import dev.shomei.protocol.ShomeiException;
import java.time.Duration;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/** One card reader: card presence, waiting, and {@link #connect()} for one exclusive transaction. */
public final class PcscReader {
    private final CardTerminal terminal;

    PcscReader(CardTerminal terminal) {
        this.terminal = terminal;
    }

    public String name() {
        return terminal.getName();
    }

    public boolean isCardPresent() {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            throw PcscErrors.map("card presence on " + name(), e);
        }
    }

    /** Waits up to {@code timeout} for a card; {@link Duration#ZERO} only looks. */
    public boolean waitForCardPresent(Duration timeout) {
        try {
            return timeout.isZero() ? terminal.isCardPresent() : terminal.waitForCardPresent(millis(timeout));
        } catch (CardException e) {
            throw PcscErrors.map("waiting for a card on " + name(), e);
        }
    }

    /** Waits up to {@code timeout} for the card to be taken; {@link Duration#ZERO} only looks. */
    public boolean waitForCardAbsent(Duration timeout) {
        try {
            return timeout.isZero() ? !terminal.isCardPresent() : terminal.waitForCardAbsent(millis(timeout));
        } catch (CardException e) {
            throw PcscErrors.map("waiting for card removal on " + name(), e);
        }
    }

    /**
     * Connects to the card (any protocol) and takes exclusive access until the transport is closed.
     *
     * @throws ShomeiException {@code CARD_REMOVED} when no card is present, else {@code CARD_UNREADABLE}
     */
    public PcscTransport connect() {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            throw PcscErrors.map("connecting to the card in " + name(), e);
        }
        try {
            card.beginExclusive();
        } catch (CardException | RuntimeException e) {
            try {
                card.disconnect(false);
            } catch (CardException | RuntimeException ignored) {
                // already failing: the first error is the one to report
            }
            throw PcscErrors.map("exclusive access to " + name(), e);
        }
        return new PcscTransport(name(), card);
    }

    private static long millis(Duration timeout) {
        return Math.max(1, timeout.toMillis());
    }

    @Override
    public String toString() {
        return "PcscReader[" + name() + "]";
    }
}
