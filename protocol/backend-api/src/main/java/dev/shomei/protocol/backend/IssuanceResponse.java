package dev.shomei.protocol.backend;

import dev.shomei.protocol.cert.SignedCertificate;

/**
 * backend -> center: the issuance. {@code certificate} carries what prints (display data) and the
 * signed QR payloads. Personal data: {@link #toString()} shows ids only.
 *
 * @param issuedAt ISO-8601 instant
 * @param status   ISSUED, PRINTED or VOIDED (a retry may find it PRINTED already)
 */
public record IssuanceResponse(
        String transactionId,
        String certificateId,
        String municipalityCode,
        String issuedAt,
        String status,
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
