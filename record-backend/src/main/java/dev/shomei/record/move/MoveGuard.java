package dev.shomei.record.move;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.db.Engine;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.MunicipalityRepository;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Refuses issues and outcomes of a municipality in a move (MUNICIPALITY_MOVING), inside the write
 * transaction that would change its rows. On PostgreSQL the municipality row is share-locked first:
 * the move takes it exclusively when it starts copying, so a write that began before waits for the
 * copy's start to be decided and none commits behind the copy's back (SQLite runs one writer at a time).
 * A write that passed notes so in its transaction, and its audit entry does not check again.
 */
public final class MoveGuard {
    private final MunicipalityMoveRepository moves = new MunicipalityMoveRepository();
    private final MunicipalityRepository municipalities = new MunicipalityRepository();

    /**
     * The early check in a read-only transaction (no lock): refuses before any signing work. Returns
     * the municipality, read in the same query.
     */
    public Optional<Municipality> refuseIssueEarly(Tx tx, MunicipalityCode code) throws SQLException {
        MunicipalityRepository.WithMove found = municipalities.findWithMove(tx, code);
        if (found.move().isPresent() && found.move().get().refusesIssuance()) {
            throw moving(code);
        }
        return found.municipality();
    }

    /** Throws MUNICIPALITY_MOVING when the municipality's issuance is stopped for a move (in the write transaction). */
    public void refuseIssue(Tx tx, MunicipalityCode code) throws SQLException {
        Optional<MunicipalityMoveRepository.Move> move = locked(tx, code);
        if (move.isPresent() && move.get().refusesIssuance()) {
            throw moving(code);
        }
        tx.noteLocked(new MunicipalityMoveRepository.ChangesAccepted(code)); // refusesIssuance covers refusesOutcomes
    }

    /** Throws MUNICIPALITY_MOVING when the municipality's outcomes wait for a move (after its drain). */
    public void refuseOutcome(Tx tx, MunicipalityCode code) throws SQLException {
        Optional<MunicipalityMoveRepository.Move> move = locked(tx, code);
        if (move.isPresent() && move.get().refusesOutcomes()) {
            throw moving(code);
        }
        tx.noteLocked(new MunicipalityMoveRepository.ChangesAccepted(code));
    }

    private Optional<MunicipalityMoveRepository.Move> locked(Tx tx, MunicipalityCode code) throws SQLException {
        if (tx.engine() == Engine.POSTGRESQL) {
            tx.query("SELECT code FROM municipality WHERE code = ? FOR SHARE", row -> row.getString(1), code.value());
        }
        return moves.find(tx, code);
    }

    static ShomeiException moving(MunicipalityCode code) {
        return new ShomeiException(ErrorCode.MUNICIPALITY_MOVING, "municipality " + code.value()
                + " is being moved to another record-backend shard");
    }
}
