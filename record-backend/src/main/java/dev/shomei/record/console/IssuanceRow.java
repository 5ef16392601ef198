package dev.shomei.record.console;

import dev.shomei.protocol.CertificateType;
import dev.shomei.record.domain.Channel;
import dev.shomei.protocol.backend.IssuanceStatus;
import java.time.Instant;

/**
 * One issuance record as the console lists it: ids and codes, the resident by internal id and atena number.
 * {@code chargedYen}: what the kiosk reported it kept (null when it reported nothing).
 */
record IssuanceRow(String certificateId, Instant issuedAt, CertificateType type, Channel channel, String terminalId,
                   IssuanceStatus status, Instant statusChangedAt, String voidReason, String transactionId, int copies,
                   int feeTotalYen, String residentId, String atenaNumber, Integer chargedYen) {
}
