package dev.shomei.record.domain;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.IssuanceStatus;
import java.time.Instant;
import java.util.Objects;

/** The record of one issuance (交付記録): no personal data beyond the resident's internal id. */
public record Issuance(
        String id,
        MunicipalityCode municipality,
        String certificateId,
        String residentId,
        CertificateType type,
        Channel channel,
        String terminalId,
        String transactionId,
        int copies,
        int feeTotalYen,
        Instant issuedAt,
        IssuanceStatus status,
        Instant statusChangedAt,
        String voidReason) {

    public Issuance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(residentId, "residentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    }
}
