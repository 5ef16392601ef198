package dev.shomei.protocol.backend;

import dev.shomei.protocol.CertificateType;

/**
 * center -> backend: issue a certificate for the card holder in one municipality. A retry sends the
 * same {@code transactionId} and gets the same issuance back. Personal data: {@link #toString()}
 * shows ids and codes only.
 *
 * @param transactionId 1..64 of {@code [A-Za-z0-9._-]}, unique per kiosk transaction
 * @param myNumber      the 12-digit My Number from the verified card
 * @param copies        1..{@value dev.shomei.protocol.ServiceRules#COPIES_MAX}
 * @param terminalId    the kiosk (CN of its client certificate)
 */
public record IssuanceRequest(
        String transactionId,
        String municipalityCode,
        String myNumber,
        CardHolder holder,
        CertificateType type,
        int copies,
        String terminalId) {

    @Override
    public String toString() {
        return "IssuanceRequest[transactionId=" + transactionId + ", municipalityCode=" + municipalityCode + ", type=" + type
                + ", copies=" + copies + ", terminalId=" + terminalId + ", (My Number and holder redacted)]";
    }
}
