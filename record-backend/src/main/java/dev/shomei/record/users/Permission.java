package dev.shomei.record.users;

/** What a console user may do; a {@link Role} is a fixed set of these. */
public enum Permission {
    /** Search issuance records and view residents (personal data) of the own municipality. */
    READ_RECORDS,
    /** Correct doses, set MOVED_OUT / DECEASED, hold or release issuing, void issuances, register passport data. */
    CHANGE_RECORDS,
    /**
     * Issue a certificate at the window or by post after checking the person's identity, register the
     * passport data it needs, and reissue after loss (void the lost one as LOST and issue anew).
     */
    ISSUE_CERTIFICATES,
    /** Download issuance records as CSV. */
    EXPORT,
    /** Issue, disable and review user ids (no personal data of residents). */
    MANAGE_USERS,
    /** The audit log and its monthly review (who accessed what; ids only). */
    REVIEW_AUDIT,
    /** Counts without personal data. */
    VIEW_STATISTICS
}
