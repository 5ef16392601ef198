package dev.shomei.center.issue;

import java.time.Instant;

/** An issuance voided by reconciliation because no print outcome came: ids and times only. */
public record ReconciledIssuance(String transactionId, String terminalId, String municipalityCode,
                                 Instant issuedAt, Instant voidedAt) {
}
