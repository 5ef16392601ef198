package dev.shomei.protocol.backend;

import dev.shomei.protocol.cert.SignedCertificate;
import java.time.Instant;

/**
 * backend -> center: the issuance. {@code certificate} carries what prints (display data) and the
 * signed QR payloads. Personal data: {@link #toString()} shows ids only.
 *
 * @param issuedAt ISO-8601 instant on the wire
 * @param status   ISSUED, or PRINTED / VOIDED when a retry finds the issuance ended already
 */
public record IssuanceResponse(
        String transactionId,
        String certificateId,
        String municipalityCode,
        Instant issuedAt,
        IssuanceStatus status,
        int copies,
        int feePerCopyYen,
        int feeTotalYen,
        SignedCertificate certificate) {

    @Override
    public String toString() {
        return "IssuanceResponse[transactionId=" + transactionId + ", certificateId=" + certificateId + ", status=" + status
                + ", copies=" + copies + ", (certificate redacted)]";
    }
}
