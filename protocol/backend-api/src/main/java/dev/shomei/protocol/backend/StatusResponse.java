package dev.shomei.protocol.backend;

/**
 * The state of one issuance.
 *
 * @param status          ISSUED, PRINTED or VOIDED
 * @param voidReason      why it was voided, else {@code null}
 * @param statusChangedAt ISO-8601 instant
 */
public record StatusResponse(String municipalityCode, String transactionId, String certificateId, String status,
                             String voidReason, String statusChangedAt) {
}
