package dev.shomei.kiosk.device;

import java.util.Objects;

/**
 * Polls the reader for the card and tells its listener when the card arrives or leaves. Run it a
 * few times a second; the first run reports a card that is already there.
 */
public final class CardPresenceMonitor implements Runnable {
    private final CardReaderPort card;
    private final CardPresenceListener listener;
    private boolean present;

    public CardPresenceMonitor(CardReaderPort card, CardPresenceListener listener) {
        this.card = Objects.requireNonNull(card, "card");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public synchronized void run() {
        boolean now = card.cardPresent();
        if (now == present) {
            return;
        }
        present = now;
        if (now) {
            listener.cardInserted();
        } else {
            listener.cardRemoved();
        }
    }
}
