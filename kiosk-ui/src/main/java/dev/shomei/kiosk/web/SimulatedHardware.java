package dev.shomei.kiosk.web;

import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.device.CardSlot;

/**
 * Buttons for hardware that is simulated on this kiosk, shown in a marked panel of the screen: the
 * coin slot of a {@link SimulatedCoinUnit}, and the card slot of a virtual card. Either may be absent.
 * {@code demo}: the kiosk runs with {@code --demo}, and its screen says so under the footer.
 */
public record SimulatedHardware(SimulatedCoinUnit coins, CardSlot cardSlot, boolean demo) {

    /** Simulated hardware exists only on a demo kiosk. */
    public SimulatedHardware(SimulatedCoinUnit coins, CardSlot cardSlot) {
        this(coins, cardSlot, coins != null || cardSlot != null);
    }

    public static SimulatedHardware none() {
        return new SimulatedHardware(null, null);
    }
}
