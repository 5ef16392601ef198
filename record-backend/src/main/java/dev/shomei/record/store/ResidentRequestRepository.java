package dev.shomei.record.store;

import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Requests from residents (issue 21; seed IV: 開示・訂正・利用停止の請求) with their receipt number
 * (受付票番号), handling and outcome, inside one municipality; the clerk's handling notes are sealed.
 */
public final class ResidentRequestRepository {
    private static final String TABLE = "resident_request";
    private static final String COLUMNS = "id, receipt_number, resident_id, kind, received_on, status, outcome, "
            + "handling_enc, created_by, created_at, updated_by, updated_at";

    /** One request; kind, status and outcome are the codes of the console's enums. */
    public record Request(String id, String receiptNumber, String residentId, String kind, LocalDate receivedOn,
                         String status, String outcome, String handling, String createdBy, Instant createdAt,
                         String updatedBy, Instant updatedAt) {
    }

    public void insert(Tx tx, TenantCipher tenant, Request r) throws SQLException {
        tx.update("INSERT INTO resident_request (municipality_code, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.municipality().value(), r.id(), r.receiptNumber(), r.residentId(), r.kind(), r.receivedOn().toString(),
                r.status(), r.outcome(), tenant.seal(TABLE, "handling_enc", r.id(), r.handling()), r.createdBy(),
                r.createdAt().toEpochMilli(), r.updatedBy(), r.updatedAt().toEpochMilli());
    }

    /** Records the handling and outcome; false when there is no such request here. */
    public boolean update(Tx tx, TenantCipher tenant, String id, String status, String outcome, String handling,
                          String by, Instant at) throws SQLException {
        return tx.update("UPDATE resident_request SET status = ?, outcome = ?, handling_enc = ?, updated_by = ?, updated_at = ? "
                        + "WHERE municipality_code = ? AND id = ?", status, outcome,
                tenant.seal(TABLE, "handling_enc", id, handling), by, at.toEpochMilli(), tenant.municipality().value(), id) == 1;
    }

    public Optional<Request> find(Tx tx, TenantCipher tenant, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM resident_request WHERE municipality_code = ? AND id = ?",
                row -> map(tenant, row), tenant.municipality().value(), id);
    }

    public boolean receiptTaken(Tx tx, TenantCipher tenant, String receiptNumber) throws SQLException {
        return tx.queryLong("SELECT count(*) FROM resident_request WHERE municipality_code = ? AND receipt_number = ?",
                tenant.municipality().value(), receiptNumber) > 0;
    }

    /** The resident's requests, newest first. */
    public List<Request> ofResident(Tx tx, TenantCipher tenant, String residentId) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM resident_request WHERE municipality_code = ? AND resident_id = ? "
                + "ORDER BY created_at DESC", row -> map(tenant, row), tenant.municipality().value(), residentId);
    }

    /** The municipality's requests not yet DONE, oldest first. */
    public List<Request> open(Tx tx, TenantCipher tenant, int limit) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM resident_request WHERE municipality_code = ? AND status <> 'DONE' "
                + "ORDER BY received_on, created_at LIMIT ?", row -> map(tenant, row), tenant.municipality().value(), limit);
    }

    private static Request map(TenantCipher tenant, ResultSet row) throws SQLException {
        String id = row.getString(1);
        return new Request(id, row.getString(2), row.getString(3), row.getString(4), LocalDate.parse(row.getString(5)),
                row.getString(6), row.getString(7), tenant.open(TABLE, "handling_enc", id, row.getBytes(8)), row.getString(9),
                Instant.ofEpochMilli(row.getLong(10)), row.getString(11), Instant.ofEpochMilli(row.getLong(12)));
    }
}
