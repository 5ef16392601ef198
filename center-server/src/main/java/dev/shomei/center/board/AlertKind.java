package dev.shomei.center.board;

/** Why the board raised an alert. */
public enum AlertKind {
    /** A terminal stopped sending heartbeats (connection lost or hung). */
    HEARTBEAT_MISSED,
    /** A terminal reports a device fault (reader, printer, cash unit) or its error state. */
    DEVICE_FAULT,
    /** A terminal's paper tray is empty or its toner is out. */
    SUPPLIES_EMPTY,
    /** An issuance got no print outcome in time and was voided by reconciliation. */
    ISSUANCE_RECONCILED,
    /** A terminal's print outcome was refused (unknown transaction, or a disabled terminal's outcome for
     *  an issuance this center does not know as its own): the issuance may end voided by reconciliation. */
    OUTCOME_REFUSED,
    /** One card (by its keyed hash, never the number) was used at several terminals within minutes. */
    CARD_MULTI_TERMINAL,
    /** The record backend could not be reached. */
    BACKEND_UNAVAILABLE,
    /** A terminal reported a charged amount that is not the issuance's recorded fee (its PRINTED was refused),
     *  or kept money on a voided issuance: check the terminal's cash and the resident's refund. */
    FEE_MISMATCH,
    /** Two record-backend shards list the same municipality (a move half done, or a misconfiguration): its
     *  issuances and outcomes are refused (MUNICIPALITY_MOVING) until only one lists it. */
    MUNICIPALITY_ON_TWO_SHARDS
}
