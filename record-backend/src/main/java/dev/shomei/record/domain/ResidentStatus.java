package dev.shomei.record.domain;

/**
 * The resident's registration in the municipality. A certificate is issued by the municipality where
 * the person was registered when vaccinated, for its own doses: ACTIVE and MOVED_OUT residents get
 * one, DECEASED ones do not (nor does anyone under a clerk's {@link HoldReason hold}).
 */
public enum ResidentStatus {
    ACTIVE,
    /** Moved to another municipality: this one still certifies the doses it gave. */
    MOVED_OUT,
    DECEASED;

    /** Whether this municipality may certify the resident's doses (a hold is checked separately). */
    public boolean mayBeCertified() {
        return this != DECEASED;
    }
}
