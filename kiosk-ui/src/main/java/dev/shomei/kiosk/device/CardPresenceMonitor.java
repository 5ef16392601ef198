package dev.shomei.kiosk.device;

import dev.shomei.kiosk.session.KioskSession;

/**
 * Polls the reader for the card and tells the session when it arrives or leaves. Run it a few
 * times a second; the first run reports a card that is already there.
 */
public final class CardPresenceMonitor implements Runnable {
    private final CardReaderPort card;
    private final KioskSession session;
    private boolean present;

    public CardPresenceMonitor(CardReaderPort card, KioskSession session) {
        this.card = card;
        this.session = session;
    }

    @Override
    public synchronized void run() {
        boolean now = card.cardPresent();
        if (now == present) {
            return;
        }
        present = now;
        if (now) {
            session.cardInserted();
        } else {
            session.cardRemoved();
        }
    }
}
