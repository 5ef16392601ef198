package dev.shomei.protocol.line;

/** What a kiosk is doing, as reported in its {@link Heartbeat}. Wire values are stable. */
public enum TerminalState {
    /** Waiting for a resident. */
    IDLE(0),
    /** A resident is using it. */
    IN_SERVICE(1),
    /** It cannot serve (a device fault, no paper). */
    ERROR(2),
    /** Taken out of service by staff. */
    MAINTENANCE(3),
    /** Switched off in an orderly way (its last heartbeat): no heartbeats until it connects again. */
    SHUT_DOWN(4);

    private final int wireValue;

    TerminalState(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** The state for a wire value, or {@code null} when unknown. */
    public static TerminalState fromWire(int value) {
        for (TerminalState state : values()) {
            if (state.wireValue == value) {
                return state;
            }
        }
        return null;
    }
}
