package dev.shomei.record.console;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Channel;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The console's read queries. Every one takes the municipality and filters by it in SQL: a clerk's
 * query never returns another municipality's row, whatever ids it is given. Search values are bound
 * parameters; the SQL text is fixed fragments only. The My Number table is never read.
 */
final class RecordQueries {
    /** The most residents a name search decrypts (names are stored encrypted, so it scans). */
    static final int NAME_SCAN_LIMIT = 50_000;
    private static final String ISSUANCE_COLUMNS = "i.certificate_id, i.issued_at, i.certificate_type, i.channel, "
            + "i.terminal_id, i.status, i.status_changed_at, i.void_reason, i.transaction_id, i.copies, i.fee_total_yen, "
            + "i.resident_id, r.atena_number, i.charged_yen";

    private final Database database;

    RecordQueries(Database database) {
        this.database = database;
    }

    List<IssuanceRow> searchIssuances(MunicipalityCode code, IssuanceCriteria criteria, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(code, criteria, parameters);
        parameters.add(limit);
        return database.readReplica(tx -> tx.query("SELECT " + ISSUANCE_COLUMNS + " FROM issuance i JOIN resident r "
                + "ON r.municipality_code = i.municipality_code AND r.id = i.resident_id WHERE " + where
                + " ORDER BY i.issued_at DESC, i.certificate_id LIMIT ?", RecordQueries::issuance, parameters.toArray()));
    }

    /** Issuance records of the municipality issued in [from, to] (Japan dates), oldest first, at most {@code limit}. */
    List<IssuanceRow> issuancesBetween(MunicipalityCode code, LocalDate from, LocalDate to, int limit) {
        IssuanceCriteria criteria = new IssuanceCriteria(null, from, to, null, null, null, List.of());
        List<Object> parameters = new ArrayList<>();
        String where = where(code, criteria, parameters);
        parameters.add(limit);
        return database.readReplica(tx -> tx.query("SELECT " + ISSUANCE_COLUMNS + " FROM issuance i JOIN resident r "
                + "ON r.municipality_code = i.municipality_code AND r.id = i.resident_id WHERE " + where
                + " ORDER BY i.issued_at, i.certificate_id LIMIT ?", RecordQueries::issuance, parameters.toArray()));
    }

    List<IssuanceRow> issuancesOf(Tx tx, MunicipalityCode code, String residentId) throws SQLException {
        return tx.query("SELECT " + ISSUANCE_COLUMNS + " FROM issuance i JOIN resident r "
                        + "ON r.municipality_code = i.municipality_code AND r.id = i.resident_id "
                        + "WHERE i.municipality_code = ? AND i.resident_id = ? ORDER BY i.issued_at DESC",
                RecordQueries::issuance, code.value(), residentId);
    }

    Optional<IssuanceRow> issuance(MunicipalityCode code, String certificateId) {
        return database.read(tx -> tx.queryOne("SELECT " + ISSUANCE_COLUMNS + " FROM issuance i JOIN resident r "
                        + "ON r.municipality_code = i.municipality_code AND r.id = i.resident_id "
                        + "WHERE i.municipality_code = ? AND i.certificate_id = ?",
                RecordQueries::issuance, code.value(), certificateId));
    }

    /** The id of the resident with this atena number in the municipality. */
    Optional<String> residentByAtena(MunicipalityCode code, String atenaNumber) {
        return database.read(tx -> tx.queryOne("SELECT id FROM resident WHERE municipality_code = ? AND atena_number = ?",
                row -> row.getString(1), code.value(), atenaNumber));
    }

    /** A found resident for the result list: internal id, atena number, kanji name. */
    record ResidentHit(String id, String atenaNumber, String name, LocalDate birthDate) {
    }

    /**
     * Residents of the municipality born on {@code birthDate} whose name (kanji or kana, spaces and
     * width ignored) contains {@code name}. Names are encrypted, so this decrypts up to
     * {@value #NAME_SCAN_LIMIT} residents' name and birth-date columns.
     */
    List<ResidentHit> residentsByName(TenantCipher tenant, String name, LocalDate birthDate, int limit) {
        String wanted = normalize(name);
        return database.readReplica(tx -> {
            List<ResidentHit> hits = new ArrayList<>();
            tx.query("SELECT id, atena_number, birth_date_enc, family_name_kanji_enc, given_name_kanji_enc, "
                    + "family_name_kana_enc, given_name_kana_enc FROM resident WHERE municipality_code = ? "
                    + "ORDER BY atena_number LIMIT ?", row -> {
                        if (hits.size() >= limit) {
                            return null;
                        }
                        String id = row.getString(1);
                        LocalDate birth = LocalDate.parse(tenant.open("resident", "birth_date_enc", id, row.getBytes(3)));
                        if (!birth.equals(birthDate)) {
                            return null;
                        }
                        String kanji = tenant.open("resident", "family_name_kanji_enc", id, row.getBytes(4)) + " "
                                + tenant.open("resident", "given_name_kanji_enc", id, row.getBytes(5));
                        String kana = String.valueOf(tenant.open("resident", "family_name_kana_enc", id, row.getBytes(6)))
                                + String.valueOf(tenant.open("resident", "given_name_kana_enc", id, row.getBytes(7)));
                        if (normalize(kanji).contains(wanted) || normalize(kana).contains(wanted)) {
                            hits.add(new ResidentHit(id, row.getString(2), kanji, birth));
                        }
                        return null;
                    }, tenant.municipality().value(), NAME_SCAN_LIMIT);
            return hits;
        });
    }

    /** NFKC, without spaces (full- or half-width): 番号 花子 and 番号花子 match. */
    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String where(MunicipalityCode code, IssuanceCriteria criteria, List<Object> parameters) {
        StringBuilder where = new StringBuilder("i.municipality_code = ?");
        parameters.add(code.value());
        if (criteria.certificateId() != null) {
            where.append(" AND i.certificate_id = ?");
            parameters.add(criteria.certificateId());
        }
        if (criteria.from() != null) {
            where.append(" AND i.issued_at >= ?");
            parameters.add(criteria.from().atStartOfDay(ServiceRules.ZONE).toInstant().toEpochMilli());
        }
        if (criteria.to() != null) {
            where.append(" AND i.issued_at < ?");
            parameters.add(criteria.to().plusDays(1).atStartOfDay(ServiceRules.ZONE).toInstant().toEpochMilli());
        }
        if (criteria.status() != null) {
            where.append(" AND i.status = ?");
            parameters.add(criteria.status().name());
        }
        if (criteria.channel() != null) {
            where.append(" AND i.channel = ?");
            parameters.add(criteria.channel().name());
        }
        if (criteria.terminalId() != null) {
            where.append(" AND i.terminal_id = ?");
            parameters.add(criteria.terminalId());
        }
        return where.toString();
    }

    private static IssuanceRow issuance(ResultSet row) throws SQLException {
        return new IssuanceRow(row.getString(1), Instant.ofEpochMilli(row.getLong(2)), CertificateType.valueOf(row.getString(3)),
                Channel.valueOf(row.getString(4)), row.getString(5), IssuanceStatus.valueOf(row.getString(6)),
                Instant.ofEpochMilli(row.getLong(7)), row.getString(8), row.getString(9), row.getInt(10), row.getInt(11),
                row.getString(12), row.getString(13), chargedYen(row.getInt(14), row.wasNull()));
    }

    private static Integer chargedYen(int value, boolean wasNull) {
        return wasNull ? null : value;
    }
}
