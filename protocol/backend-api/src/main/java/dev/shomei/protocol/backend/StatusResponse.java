package dev.shomei.protocol.backend;

import java.time.Instant;

/**
 * The state of one issuance.
 *
 * @param status          ISSUED, PRINTED or VOIDED
 * @param voidReason      why it was voided, else {@code null}
 * @param statusChangedAt ISO-8601 instant on the wire
 */
public record StatusResponse(String municipalityCode, String transactionId, String certificateId, IssuanceStatus status,
                             String voidReason, Instant statusChangedAt) {
}
