package dev.shomei.record.store;

import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code municipality_move} rows: a municipality being moved to (OUTGOING) or from (INCOMING)
 * another record-backend shard, and how far the move got. Read by the issuance API on every issue
 * and status update (one primary-key lookup), written by {@code backend move-municipality}.
 */
public final class MunicipalityMoveRepository {
    public enum Role { OUTGOING, INCOMING }

    /** How far a move got; on the source the order is the move's order. */
    public enum Step { STOPPED, COPYING, COPIED, VERIFIED, SWITCHED, MOVED_OUT }

    public record Move(MunicipalityCode code, Role role, Step step, String peer) {
        /** Issues are refused in every step of a move, on both sides. */
        public boolean refusesIssuance() {
            return true;
        }

        /** Outcomes of open issuances still land while the source drains (STOPPED); then they wait for the move. */
        public boolean refusesOutcomes() {
            return !(role == Role.OUTGOING && step == Step.STOPPED);
        }

        /** The source lists it as not taking part until the switch; the target lists it only after. */
        public boolean listed() {
            return role == Role.OUTGOING && step.compareTo(Step.SWITCHED) < 0;
        }
    }

    /**
     * Noted in a write transaction ({@link Tx#noteLocked}) once it saw, holding the municipality's row
     * shared (PostgreSQL) or as the single writer (SQLite), that no move holds the municipality's
     * changes. The move takes that row exclusively before it starts copying, so it cannot start before
     * the transaction ends, and the audit log's own check would read the same answer again.
     */
    public record ChangesAccepted(MunicipalityCode code) {
    }

    public Optional<Move> find(Tx tx, MunicipalityCode code) throws SQLException {
        return tx.queryOne("SELECT role, step, peer FROM municipality_move WHERE municipality_code = ?",
                row -> mapOrEmpty(code, row, 1).orElseThrow(), code.value());
    }

    /** The move in {@code role, step, peer} from column {@code first} on; empty when a left join found none. */
    static Optional<Move> mapOrEmpty(MunicipalityCode code, ResultSet row, int first) throws SQLException {
        String role = row.getString(first);
        return role == null ? Optional.empty()
                : Optional.of(new Move(code, Role.valueOf(role), Step.valueOf(row.getString(first + 1)), row.getString(first + 2)));
    }

    public Map<String, Move> all(Tx tx) throws SQLException {
        return tx.query("SELECT municipality_code, role, step, peer FROM municipality_move",
                row -> mapOrEmpty(MunicipalityCode.of(row.getString(1)), row, 2).orElseThrow())
                .stream().collect(Collectors.toMap(move -> move.code().value(), move -> move));
    }

    public void put(Tx tx, MunicipalityCode code, Role role, Step step, String peer) throws SQLException {
        long now = System.currentTimeMillis();
        if (tx.update("UPDATE municipality_move SET role = ?, step = ?, peer = ?, updated_at = ? WHERE municipality_code = ?",
                role.name(), step.name(), peer, now, code.value()) == 0) {
            tx.update("INSERT INTO municipality_move (municipality_code, role, step, peer, started_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", code.value(), role.name(), step.name(), peer, now, now);
        }
    }

    public void delete(Tx tx, MunicipalityCode code) throws SQLException {
        tx.update("DELETE FROM municipality_move WHERE municipality_code = ?", code.value());
    }
}
