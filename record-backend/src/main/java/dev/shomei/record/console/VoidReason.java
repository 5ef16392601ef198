package dev.shomei.record.console;

/**
 * Why a supervisor voids an issued certificate; stored as the issuance's void reason. Every void
 * revokes the certificate's QR codes; {@link #LOST} is the reason a reissue (issue 21) starts from.
 */
public enum VoidReason {
    MISPRINT, LOST_OR_DAMAGED, WRONG_RECORD, REQUESTED_BY_RESIDENT, OTHER, LOST,
    /** A window or postal issuance that was not handed out or mailed (issue 21). */
    NOT_HANDED_OUT
}
