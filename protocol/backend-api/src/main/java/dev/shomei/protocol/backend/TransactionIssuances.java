package dev.shomei.protocol.backend;

import java.util.List;

/**
 * The issuances the backend holds for one transaction id, whatever their status: one entry per
 * municipality that has it (normally at most one — kiosks make the ids as UUIDs). Ids and status
 * only, so a center that never saw the issuance can still route a late print outcome.
 */
public record TransactionIssuances(List<Entry> issuances) {

    /** One issuance of the transaction: ids and its status (ISSUED, PRINTED or VOIDED). */
    public record Entry(String municipalityCode, String transactionId, IssuanceStatus status) {
    }
}
