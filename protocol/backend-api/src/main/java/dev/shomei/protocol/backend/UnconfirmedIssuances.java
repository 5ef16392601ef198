package dev.shomei.protocol.backend;

import java.time.Instant;
import java.util.List;

/** Issuances still ISSUED (neither PRINTED nor VOIDED) after the requested age, oldest first. */
public record UnconfirmedIssuances(List<Entry> issuances) {

    /** One unconfirmed issuance: ids only. */
    public record Entry(String municipalityCode, String transactionId, String certificateId, String terminalId,
                        Instant issuedAt) {
    }
}
