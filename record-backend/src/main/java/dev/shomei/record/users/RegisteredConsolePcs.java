package dev.shomei.record.users;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The municipal PCs registered to reach the clerk console (issue 18 point 4), kept in the
 * {@code console_pc} table so that several record backends on one database admit the same PCs; a PC
 * taken off is refused at its next request on every backend (read on every request that offers a
 * certificate). Registering and unregistering are operator actions on the system audit chain.
 */
public final class RegisteredConsolePcs implements Supplier<Set<String>> {
    /** A certificate CN as the dev PKI and installers issue them: letters, digits, {@code . _ -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;

    public RegisteredConsolePcs(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** The registered PCs' certificate CNs. */
    @Override
    public Set<String> get() {
        return Set.copyOf(list());
    }

    /** The registered PCs' certificate CNs, sorted. */
    public List<String> list() {
        return database.read(tx -> tx.query("SELECT id FROM console_pc ORDER BY id", row -> row.getString(1)));
    }

    /** Registers the PC; false when it was registered already (nothing changes then). */
    public boolean register(String pc, String operator) {
        String id = valid(pc);
        return database.write(tx -> {
            if (tx.queryLong("SELECT count(*) FROM console_pc WHERE id = ?", id) > 0) {
                return false;
            }
            tx.update("INSERT INTO console_pc (id, registered_by, registered_at) VALUES (?, ?, ?)", id, operator,
                    clock.millis());
            audit.append(tx, new AuditEvent("OPERATOR", operator, null, "REGISTER_CONSOLE_PC", null, "console_pc", id, "OK",
                    null));
            return true;
        });
    }

    /** Takes the PC off; false when it was not registered. */
    public boolean unregister(String pc, String operator) {
        String id = valid(pc);
        return database.write(tx -> {
            if (tx.update("DELETE FROM console_pc WHERE id = ?", id) == 0) {
                return false;
            }
            audit.append(tx, new AuditEvent("OPERATOR", operator, null, "UNREGISTER_CONSOLE_PC", null, "console_pc", id,
                    "OK", null));
            return true;
        });
    }

    private static String valid(String pc) {
        if (pc == null || !ID.matcher(pc).matches()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "a console PC id is 1..64 of A-Z a-z 0-9 . _ - "
                    + "(the client certificate's CN)");
        }
        return pc;
    }
}
