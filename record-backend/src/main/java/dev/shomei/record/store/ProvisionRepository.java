package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The records of provision of information between municipalities (情報提供等の記録; issue 21 point 3): each
 * side of one exchange keeps its own row, filtered by the municipality of the {@link TenantCipher}. Codes,
 * ids and counts in clear; the doses the asking side received are sealed under its data key. No column
 * holds the My Number in any form.
 */
public final class ProvisionRepository {
    private static final String TABLE = "information_provision";
    private static final String COLUMNS = "id, side, requesting_code, providing_code, requested_by, requested_at, outcome, "
            + "dose_count, resident_id, taken_over_by, taken_over_at, taken_over_doses";

    /** Which side of the exchange a row belongs to. */
    public enum Side { REQUESTED, PROVIDED }

    /** The former municipality's answer. */
    public enum Outcome { PROVIDED, NOT_HELD }

    /** One side's record of an exchange. {@code takenOverBy} and the two after it are null until doses are taken over. */
    public record Provision(String id, Side side, MunicipalityCode requesting, MunicipalityCode providing,
                            String requestedBy, Instant requestedAt, Outcome outcome, int doseCount, String residentId,
                            String takenOverBy, Instant takenOverAt, Integer takenOverDoses) {
        public boolean takenOver() {
            return takenOverAt != null;
        }
    }

    /** Inserts this side's row; {@code answer} (the received doses, as text) is sealed, null on the providing side. */
    public void insert(Tx tx, TenantCipher tenant, Provision p, String answer) throws SQLException {
        tx.update("INSERT INTO information_provision (municipality_code, " + COLUMNS + ", answer_enc) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.municipality().value(), p.id(), p.side().name(), p.requesting().value(), p.providing().value(),
                p.requestedBy(), p.requestedAt().toEpochMilli(), p.outcome().name(), p.doseCount(), p.residentId(),
                p.takenOverBy(), p.takenOverAt() == null ? null : p.takenOverAt().toEpochMilli(), p.takenOverDoses(),
                tenant.seal(TABLE, "answer_enc", p.id(), answer));
    }

    public Optional<Provision> find(Tx tx, TenantCipher tenant, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM information_provision WHERE municipality_code = ? AND id = ?",
                ProvisionRepository::map, tenant.municipality().value(), id);
    }

    /** The doses received by the asking side, as sealed by {@link #insert}; empty on the providing side. */
    public Optional<String> answer(Tx tx, TenantCipher tenant, String id) throws SQLException {
        return tx.queryOne("SELECT answer_enc FROM information_provision WHERE municipality_code = ? AND id = ?",
                        row -> Optional.ofNullable(tenant.open(TABLE, "answer_enc", id, row.getBytes(1))),
                        tenant.municipality().value(), id).flatMap(answer -> answer);
    }

    /** This municipality's records, newest first (both sides). */
    public List<Provision> list(Tx tx, MunicipalityCode code, int limit) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM information_provision WHERE municipality_code = ? "
                + "ORDER BY requested_at DESC, id LIMIT ?", ProvisionRepository::map, code.value(), limit);
    }

    /** Marks the asking side's row as taken over; false when it was taken over already (or is not here). */
    public boolean markTakenOver(Tx tx, TenantCipher tenant, String id, String by, Instant at, int doses)
            throws SQLException {
        return tx.update("UPDATE information_provision SET taken_over_by = ?, taken_over_at = ?, taken_over_doses = ? "
                        + "WHERE municipality_code = ? AND id = ? AND side = 'REQUESTED' AND taken_over_at IS NULL",
                by, at.toEpochMilli(), doses, tenant.municipality().value(), id) == 1;
    }

    /** Records that a dose of this municipality was taken over from {@code source} by the exchange {@code provisionId}. */
    public void recordDoseSource(Tx tx, TenantCipher tenant, String residentId, String vaccinationId,
                                 MunicipalityCode source, String provisionId, Instant at) throws SQLException {
        tx.update("INSERT INTO dose_transfer (municipality_code, vaccination_id, resident_id, source_code, provision_id, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?)", tenant.municipality().value(), vaccinationId, residentId,
                source.value(), provisionId, at.toEpochMilli());
    }

    /** The source municipality of the resident's taken-over doses, by vaccination id. */
    public java.util.Map<String, MunicipalityCode> doseSources(Tx tx, TenantCipher tenant, String residentId)
            throws SQLException {
        java.util.Map<String, MunicipalityCode> sources = new java.util.LinkedHashMap<>();
        tx.query("SELECT vaccination_id, source_code FROM dose_transfer WHERE municipality_code = ? AND resident_id = ?",
                row -> sources.put(row.getString(1), MunicipalityCode.of(row.getString(2))),
                tenant.municipality().value(), residentId);
        return sources;
    }

    private static Provision map(ResultSet row) throws SQLException {
        long takenAt = row.getLong(11);
        boolean taken = !row.wasNull();
        int takenDoses = row.getInt(12);
        return new Provision(row.getString(1), Side.valueOf(row.getString(2)), MunicipalityCode.of(row.getString(3)),
                MunicipalityCode.of(row.getString(4)), row.getString(5), Instant.ofEpochMilli(row.getLong(6)),
                Outcome.valueOf(row.getString(7)), row.getInt(8), row.getString(9), row.getString(10),
                taken ? Instant.ofEpochMilli(takenAt) : null, taken ? takenDoses : null);
    }
}
