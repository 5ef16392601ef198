package dev.shomei.center.stats;

/** What happened to one issue request or issuance, for the counts. */
public enum Outcome {
    /** The certificate was issued and sent to the kiosk. */
    ISSUED,
    /** The kiosk reported it printed. */
    PRINTED,
    /** The kiosk reported it void (cancelled, payment or printer failed). */
    VOIDED,
    /** No outcome came in time; reconciliation voided it. */
    RECONCILED,
    /** The request was refused (any error code). */
    REFUSED
}
