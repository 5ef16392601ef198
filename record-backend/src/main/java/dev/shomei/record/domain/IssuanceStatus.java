package dev.shomei.record.domain;

/** ISSUED (signed, handed to the center) -> PRINTED, or -> VOIDED with a reason. */
public enum IssuanceStatus {
    ISSUED, PRINTED, VOIDED
}
