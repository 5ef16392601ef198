package dev.shomei.center.issue;

import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Duration;

/**
 * The record backend's issuance API as the center uses it. Every call is bounded in time; a
 * backend that is down or too slow is {@code ShomeiException(BACKEND_UNAVAILABLE)}; a refusal
 * carries the backend's error code (NO_RECORD, RESIDENT_FLAGGED, ...).
 */
public interface RecordBackend {
    MunicipalityList municipalities();

    /** Idempotent by transaction id: a retry returns the same issuance, never a second one. */
    IssuanceResponse issue(IssuanceRequest request);

    StatusResponse updateStatus(StatusUpdate update);

    /** Issuances still ISSUED after {@code olderThan}. */
    UnconfirmedIssuances unconfirmed(Duration olderThan);

    /** The issuances of one transaction id, whatever their status, in every municipality (ids and status only). */
    TransactionIssuances byTransaction(String transactionId);
}
