package dev.shomei.record.domain;

/**
 * Why a clerk stopped issuing for a resident (a hold): while held, the issuance API refuses them with
 * RESIDENT_FLAGGED. A code, never free text, so no personal detail is written down with it. The
 * database's CHECK (migration V110) lists the same names.
 */
public enum HoldReason {
    /** The record is being checked or corrected. */
    RECORD_UNDER_REVIEW,
    /** The resident reported their My Number Card lost or stolen. */
    CARD_LOST_OR_STOLEN,
    /** Issuances look like misuse of the card. */
    SUSPECTED_MISUSE,
    /** The resident asked for no certificates to be issued. */
    REQUESTED_BY_RESIDENT,
    OTHER
}
