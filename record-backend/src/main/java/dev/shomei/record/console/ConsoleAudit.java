package dev.shomei.record.console;

import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.users.Actor;
import java.sql.SQLException;

/**
 * The console's audit entries: actor type CLERK, the user id, the remote address, and the
 * municipality chain of the user (the system chain for users without one). Reads (searches, views,
 * exports) are recorded before their result is sent; changes inside their own transaction.
 */
final class ConsoleAudit {
    private final Database database;
    private final AuditLog audit;

    ConsoleAudit(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    void append(Tx tx, Actor actor, String action, String targetType, String targetId, String outcome, String detail)
            throws SQLException {
        audit.append(tx, new AuditEvent("CLERK", actor.userId(), actor.source(), action,
                actor.scope().municipality().orElse(null), targetType, targetId, outcome, detail));
    }

    /** Records one event in its own transaction. */
    void record(Actor actor, String action, String targetType, String targetId, String outcome, String detail) {
        database.write(tx -> {
            append(tx, actor, action, targetType, targetId, outcome, detail);
            return null;
        });
    }
}
