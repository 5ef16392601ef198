package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What a window or postal issuance adds to its issuance record (issue 21): the identity check's code,
 * the clerk, and the issuance a reissue after loss replaces. Codes and ids only.
 */
public final class CounterIssuanceRepository {
    /** One counter issuance's facts; {@code replacesIssuanceId} null unless it is a reissue. */
    public record CounterFacts(String issuanceId, String identityCheck, String clerkId, String replacesIssuanceId) {
    }

    public void insert(Tx tx, MunicipalityCode code, CounterFacts facts) throws SQLException {
        tx.update("INSERT INTO counter_issuance (municipality_code, issuance_id, identity_check, clerk_id, "
                        + "replaces_issuance_id) VALUES (?, ?, ?, ?, ?)",
                code.value(), facts.issuanceId(), facts.identityCheck(), facts.clerkId(), facts.replacesIssuanceId());
    }

    public Optional<CounterFacts> find(Tx tx, MunicipalityCode code, String issuanceId) throws SQLException {
        return tx.queryOne("SELECT issuance_id, identity_check, clerk_id, replaces_issuance_id FROM counter_issuance "
                        + "WHERE municipality_code = ? AND issuance_id = ?",
                row -> new CounterFacts(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                code.value(), issuanceId);
    }

    /** The counter issuance that replaced {@code issuanceId}, if one did. */
    public Optional<CounterFacts> findReplacementOf(Tx tx, MunicipalityCode code, String issuanceId) throws SQLException {
        return tx.queryOne("SELECT issuance_id, identity_check, clerk_id, replaces_issuance_id FROM counter_issuance "
                        + "WHERE municipality_code = ? AND replaces_issuance_id = ?",
                row -> new CounterFacts(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                code.value(), issuanceId);
    }
}
