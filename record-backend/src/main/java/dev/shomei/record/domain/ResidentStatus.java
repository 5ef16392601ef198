package dev.shomei.record.domain;

/** Whether a certificate may be issued for the resident: only ACTIVE ones. */
public enum ResidentStatus {
    ACTIVE,
    /** Moved to another municipality: that municipality issues now. */
    MOVED_OUT,
    DECEASED
}
