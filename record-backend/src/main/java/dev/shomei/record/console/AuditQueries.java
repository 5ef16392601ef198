package dev.shomei.record.console;

import dev.shomei.record.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads one audit chain (the user's municipality, or the system chain) with optional filters. */
final class AuditQueries {
    private static final String COLUMNS = "chain, seq, at_ms, actor_type, actor_id, source, action, target_type, target_id, "
            + "outcome, detail";

    private final Database database;

    AuditQueries(Database database) {
        this.database = database;
    }

    /** Newest first; null filters are left out. */
    List<AuditEntry> list(String chain, String actorId, String action, Instant from, Instant to, int limit) {
        StringBuilder where = new StringBuilder("chain = ?");
        List<Object> parameters = new ArrayList<>(List.of(chain));
        if (actorId != null) {
            where.append(" AND actor_id = ?");
            parameters.add(actorId);
        }
        if (action != null) {
            where.append(" AND action = ?");
            parameters.add(action);
        }
        if (from != null) {
            where.append(" AND at_ms >= ?");
            parameters.add(from.toEpochMilli());
        }
        if (to != null) {
            where.append(" AND at_ms < ?");
            parameters.add(to.toEpochMilli());
        }
        parameters.add(limit);
        return database.readReplica(tx -> tx.query("SELECT " + COLUMNS + " FROM audit_log WHERE " + where
                + " ORDER BY seq DESC LIMIT ?", AuditQueries::map, parameters.toArray()));
    }

    /** Every console (CLERK) entry of the chain in [from, to), oldest first, at most {@code limit}. */
    List<AuditEntry> clerkEntries(String chain, Instant from, Instant to, int limit) {
        return database.readReplica(tx -> tx.query("SELECT " + COLUMNS + " FROM audit_log WHERE chain = ? AND "
                        + "actor_type = 'CLERK' AND at_ms >= ? AND at_ms < ? ORDER BY seq LIMIT ?", AuditQueries::map,
                chain, from.toEpochMilli(), to.toEpochMilli(), limit));
    }

    private static AuditEntry map(ResultSet row) throws SQLException {
        return new AuditEntry(row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3)), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getString(10), row.getString(11));
    }
}
