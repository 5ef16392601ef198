package dev.shomei.protocol.backend;

/**
 * An issuance's state, the same in the backend's records and on its API: ISSUED (signed, handed to
 * the center) -> PRINTED, or -> VOIDED with a reason.
 */
public enum IssuanceStatus {
    ISSUED, PRINTED, VOIDED
}
