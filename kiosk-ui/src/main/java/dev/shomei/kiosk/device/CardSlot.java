package dev.shomei.kiosk.device;

/**
 * The resident's hand, for a virtual card: puts the demo card into the reader and takes it out.
 * Only the demo and the tests have one; a real kiosk's card is moved by a real hand.
 */
public interface CardSlot {

    void insertCard();

    void removeCard();
}
