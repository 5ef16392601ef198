package dev.shomei.record.store;

import dev.shomei.protocol.CertificateType;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Channel;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issuance records (交付記録) of one municipality. The response handed to the center (signed
 * payloads and display data) is kept sealed so that a retried transaction gets exactly the same
 * answer; the passport number used for an overseas certificate is sealed too.
 */
public final class IssuanceRepository {
    private static final String TABLE = "issuance";
    private static final String COLUMNS = "id, municipality_code, certificate_id, resident_id, certificate_type, channel, "
            + "terminal_id, transaction_id, copies, fee_total_yen, issued_at, status, status_changed_at, void_reason";

    /** Inserts the record; a repeated transaction id or certificate id fails with a unique violation. */
    public void insert(Tx tx, TenantCipher tenant, Issuance issuance, String passportNumber, String responseJson)
            throws SQLException {
        if (!tenant.municipality().equals(issuance.municipality())) {
            throw new IllegalArgumentException("issuance belongs to another municipality");
        }
        tx.update("INSERT INTO issuance (" + COLUMNS + ", passport_number_enc, response_enc) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                issuance.id(), issuance.municipality().value(), issuance.certificateId(), issuance.residentId(),
                issuance.type().name(), issuance.channel().name(), issuance.terminalId(), issuance.transactionId(),
                issuance.copies(), issuance.feeTotalYen(), issuance.issuedAt().toEpochMilli(), issuance.status().name(),
                issuance.statusChangedAt().toEpochMilli(), issuance.voidReason(),
                tenant.seal(TABLE, "passport_number_enc", issuance.id(), passportNumber),
                tenant.seal(TABLE, "response_enc", issuance.id(), responseJson));
    }

    public Optional<Issuance> findByTransaction(Tx tx, MunicipalityCode code, String transactionId) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM issuance WHERE municipality_code = ? AND transaction_id = ?",
                IssuanceRepository::map, code.value(), transactionId);
    }

    public Optional<Issuance> findByCertificateId(Tx tx, MunicipalityCode code, String certificateId) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM issuance WHERE municipality_code = ? AND certificate_id = ?",
                IssuanceRepository::map, code.value(), certificateId);
    }

    public Optional<Issuance> findById(Tx tx, MunicipalityCode code, String id) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM issuance WHERE municipality_code = ? AND id = ?",
                IssuanceRepository::map, code.value(), id);
    }

    /** The response JSON stored with the issuance. */
    public Optional<String> storedResponse(Tx tx, TenantCipher tenant, String issuanceId) throws SQLException {
        return tx.queryOne("SELECT response_enc FROM issuance WHERE municipality_code = ? AND id = ?",
                row -> tenant.open(TABLE, "response_enc", issuanceId, row.getBytes(1)),
                tenant.municipality().value(), issuanceId);
    }

    public List<Issuance> listForResident(Tx tx, MunicipalityCode code, String residentId) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM issuance WHERE municipality_code = ? AND resident_id = ? ORDER BY issued_at",
                IssuanceRepository::map, code.value(), residentId);
    }

    /** Issuances still ISSUED that were issued before {@code before}, oldest first. */
    public List<Issuance> listIssuedBefore(Tx tx, MunicipalityCode code, Instant before, int limit) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM issuance WHERE municipality_code = ? AND status = 'ISSUED' "
                        + "AND issued_at < ? ORDER BY issued_at LIMIT ?",
                IssuanceRepository::map, code.value(), before.toEpochMilli(), limit);
    }

    public long count(Tx tx, MunicipalityCode code) throws SQLException {
        return tx.queryLong("SELECT count(*) FROM issuance WHERE municipality_code = ?", code.value());
    }

    /**
     * Moves the issuance from {@code from} to {@code to}; returns false when it is not (any longer)
     * in {@code from}, so that two racing updates cannot both win.
     */
    public boolean changeStatus(Tx tx, MunicipalityCode code, String issuanceId, IssuanceStatus from, IssuanceStatus to,
                                String voidReason, Instant at) throws SQLException {
        return tx.update("UPDATE issuance SET status = ?, void_reason = ?, status_changed_at = ? "
                        + "WHERE municipality_code = ? AND id = ? AND status = ?",
                to.name(), voidReason, at.toEpochMilli(), code.value(), issuanceId, from.name()) == 1;
    }

    /** Stores the amount the kiosk reported it kept for the issuance (see V170). */
    public void recordCharged(Tx tx, MunicipalityCode code, String issuanceId, int chargedYen) throws SQLException {
        tx.update("UPDATE issuance SET charged_yen = ? WHERE municipality_code = ? AND id = ?",
                chargedYen, code.value(), issuanceId);
    }

    private static Issuance map(ResultSet row) throws SQLException {
        return new Issuance(row.getString(1), MunicipalityCode.of(row.getString(2)), row.getString(3), row.getString(4),
                CertificateType.valueOf(row.getString(5)), Channel.valueOf(row.getString(6)), row.getString(7),
                row.getString(8), row.getInt(9), row.getInt(10), Instant.ofEpochMilli(row.getLong(11)),
                IssuanceStatus.valueOf(row.getString(12)), Instant.ofEpochMilli(row.getLong(13)), row.getString(14));
    }
}
