package dev.shomei.record.users;

import dev.shomei.record.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code clerk_role_change} table. Callers check rights and write the audit entry in the same transaction. */
final class RoleChangeRepository {
    private static final String COLUMNS = "id, user_id, from_role, to_role, proposed_by, proposed_at, decision, decided_by, "
            + "decided_at";

    void insert(Tx tx, RoleChange change) throws SQLException {
        tx.update("INSERT INTO clerk_role_change (id, user_id, from_role, to_role, proposed_by, proposed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", change.id(), change.userId(), change.fromRole().name(),
                change.toRole().name(), change.proposedBy(), change.proposedAt().toEpochMilli());
    }

    /** The open proposal for the id. */
    Optional<RoleChange> openFor(Tx tx, String userId) throws SQLException {
        return openFor(tx, userId, "");
    }

    /** Like {@link #openFor}, locked until the write transaction ends (two decisions racing). */
    Optional<RoleChange> openForUpdate(Tx tx, String userId) throws SQLException {
        return openFor(tx, userId, tx.engine().forUpdate());
    }

    private Optional<RoleChange> openFor(Tx tx, String userId, String lock) throws SQLException {
        return tx.queryOne("SELECT " + COLUMNS + " FROM clerk_role_change WHERE user_id = ? AND decision IS NULL" + lock,
                RoleChangeRepository::map, userId);
    }

    /** Every open proposal, oldest first. */
    List<RoleChange> open(Tx tx) throws SQLException {
        return tx.query("SELECT " + COLUMNS + " FROM clerk_role_change WHERE decision IS NULL ORDER BY proposed_at, id",
                RoleChangeRepository::map);
    }

    /** Decides an open proposal; false when it was decided meanwhile. */
    boolean decide(Tx tx, String id, RoleChange.Decision decision, String decidedBy, Instant at) throws SQLException {
        return tx.update("UPDATE clerk_role_change SET decision = ?, decided_by = ?, decided_at = ? "
                + "WHERE id = ? AND decision IS NULL", decision.name(), decidedBy, at.toEpochMilli(), id) == 1;
    }

    private static RoleChange map(ResultSet row) throws SQLException {
        String decision = row.getString(7);
        long decidedAt = row.getLong(9);
        boolean undecided = row.wasNull();
        return new RoleChange(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)),
                Role.valueOf(row.getString(4)), row.getString(5), Instant.ofEpochMilli(row.getLong(6)),
                decision == null ? null : RoleChange.Decision.valueOf(decision), row.getString(8),
                undecided ? null : Instant.ofEpochMilli(decidedAt));
    }
}
