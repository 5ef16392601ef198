package dev.shomei.kiosk.device;

/** Told when the card arrives on the reader or leaves it (by {@link CardPresenceMonitor}). */
public interface CardPresenceListener {

    void cardInserted();

    void cardRemoved();
}
