package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Municipalities: public data, stored in clear. */
public final class MunicipalityRepository {
    private static final String COLUMNS = "code, name_ja, name_en, mayor_title_ja, mayor_title_en, kiosk_participating, "
            + "offers_overseas, fee_per_copy_yen, opens_at, closes_at";

    public Optional<Municipality> find(Tx tx, MunicipalityCode code) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM municipality WHERE code = ?", MunicipalityRepository::map, code.value());
    }

    /** A municipality (if this database has it) and its move to or from another shard (if one is under way). */
    public record WithMove(Optional<Municipality> municipality, Optional<MunicipalityMoveRepository.Move> move) {
    }

    /**
     * {@link #find} and {@link MunicipalityMoveRepository#find} in one query, for the issue path's
     * unlocked early check: on PostgreSQL each query is a round trip (docs/benchmarks.md). A municipality
     * moved away has a move and no row.
     */
    public WithMove findWithMove(Tx tx, MunicipalityCode code) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + ", role, step, peer FROM (SELECT CAST(? AS TEXT) AS wanted) w "
                        + "LEFT JOIN municipality ON code = w.wanted LEFT JOIN municipality_move ON municipality_code = w.wanted",
                row -> new WithMove(row.getString(1) == null ? Optional.empty() : Optional.of(map(row)),
                        MunicipalityMoveRepository.mapOrEmpty(code, row, 11)),
                code.value()).orElseThrow();
    }

    public List<Municipality> list(Tx tx) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM municipality ORDER BY code", MunicipalityRepository::map);
    }

    public List<MunicipalityCode> codes(Tx tx) throws SQLException {
        return tx.query("SELECT code FROM municipality ORDER BY code", row -> MunicipalityCode.of(row.getString(1)));
    }

    /** Inserts a new municipality; returns false when the code exists already (nothing changes then). */
    public boolean insertIfMissing(Tx tx, Municipality municipality) throws SQLException {
        long now = System.currentTimeMillis();
        return tx.update("INSERT INTO municipality (" + COLUMNS + ", created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
                municipality.code().value(), municipality.nameJa(), municipality.nameEn(), municipality.mayorTitleJa(),
                municipality.mayorTitleEn(), municipality.kioskParticipating(), municipality.offersOverseas(),
                municipality.feePerCopyYen(), municipality.opensAt().toString(), municipality.closesAt().toString(),
                now, now) == 1;
    }

    /** Changes the municipality's settings (names, titles, participation, fee, hours). */
    public boolean update(Tx tx, Municipality municipality) throws SQLException {
        return tx.update("UPDATE municipality SET name_ja = ?, name_en = ?, mayor_title_ja = ?, mayor_title_en = ?, "
                        + "kiosk_participating = ?, offers_overseas = ?, fee_per_copy_yen = ?, opens_at = ?, closes_at = ?, "
                        + "updated_at = ? WHERE code = ?",
                municipality.nameJa(), municipality.nameEn(), municipality.mayorTitleJa(), municipality.mayorTitleEn(),
                municipality.kioskParticipating(), municipality.offersOverseas(), municipality.feePerCopyYen(),
                municipality.opensAt().toString(), municipality.closesAt().toString(), System.currentTimeMillis(),
                municipality.code().value()) == 1;
    }

    private static Municipality map(ResultSet row) throws SQLException {
        return new Municipality(MunicipalityCode.of(row.getString(1)), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getBoolean(6), row.getBoolean(7), row.getInt(8), LocalTime.parse(row.getString(9)),
                LocalTime.parse(row.getString(10)));
    }
}
