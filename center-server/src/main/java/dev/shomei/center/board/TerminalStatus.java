package dev.shomei.center.board;

/** What the operator board shows for a terminal, worst first. */
public enum TerminalStatus {
    /** Not connected, or its heartbeats stopped. */
    OFFLINE,
    /** Connected and reporting a fault, an error state or an empty paper tray. */
    ERROR,
    /** Taken out of service by store staff. */
    MAINTENANCE,
    /** Switched off in an orderly way (it said so before going): no heartbeats expected, no alert. */
    SWITCHED_OFF,
    /** A resident is using it. */
    IN_USE,
    /** Connected, idle, healthy. */
    ONLINE
}
