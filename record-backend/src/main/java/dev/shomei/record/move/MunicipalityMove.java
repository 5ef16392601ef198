package dev.shomei.record.move;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.RecordStore;
import dev.shomei.record.audit.AuditChainCopy;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.db.Engine;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.MunicipalityMoveRepository.Move;
import dev.shomei.record.store.MunicipalityMoveRepository.Role;
import dev.shomei.record.store.MunicipalityMoveRepository.Step;
import dev.shomei.record.users.TotpSecrets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves one municipality from this record-backend shard (the source) to another (the target),
 * {@code backend move-municipality}. Each step is recorded in {@code municipality_move} on both
 * sides before the next begins, so a run that failed or was killed is resumed by running it again
 * (or rolled back with {@link #abort} until the switch):
 *
 * <ol>
 *   <li>STOPPED: the source refuses new issuances (MUNICIPALITY_MOVING) and lists the municipality as
 *       not taking part; outcomes of open issuances still land while it drains;</li>
 *   <li>COPYING: outcomes wait too; every row of the municipality (found in the catalog: residents,
 *       My Number index, doses, issuances, revocation ids, requests, keys, audit chain, its clerk ids with their
 *       TOTP secrets sealed again under the target's master key ...) is copied in
 *       one target transaction, its keys re-wrapped under the target's master key, its audit chain
 *       (verified at the source first) chained again when the target's audit key differs. The target
 *       holds it as INCOMING: not listed, nothing accepted;</li>
 *   <li>COPIED, then VERIFIED: row counts of every table equal, {@code audit-verify} of the chain intact
 *       on both sides with the same number of entries;</li>
 *   <li>SWITCHED: the source no longer lists it, then the target does (between the two writes neither
 *       lists it: a run killed there says so and the next run completes the switch);</li>
 *   <li>MOVED_OUT: the source's rows deleted in one transaction; its move row stays, so a center that
 *       still routes there is told MUNICIPALITY_MOVING and looks again.</li>
 * </ol>
 */
public final class MunicipalityMove {
    private static final Duration POLL = Duration.ofMillis(250);

    private final RecordStore source;
    private final RecordStore target;
    private final String sourceName;
    private final String targetName;
    private final Duration drain;
    private final Consumer<String> out;
    private final MunicipalityMoveRepository moves = new MunicipalityMoveRepository();
    /** Called after each table copied, inside the target's transaction (tests inject a failure here). */
    private Consumer<String> afterTableCopied = table -> {
    };

    /**
     * @param sourceUrl the source's JDBC URL (recorded without credentials, as is the target's)
     * @param drain     how long to wait for the outcomes of open issuances before copying
     * @param out       progress lines for the operator
     */
    public MunicipalityMove(RecordStore source, String sourceUrl, RecordStore target, String targetUrl, Duration drain,
            Consumer<String> out) {
        this.source = source;
        this.target = target;
        this.sourceName = withoutCredentials(sourceUrl);
        this.targetName = withoutCredentials(targetUrl);
        if (sourceName.equals(targetName)) {
            throw new IllegalArgumentException("the target database is the source");
        }
        this.drain = drain;
        this.out = out;
    }

    /** Called between the switch's two writes (tests kill the run there). */
    private Runnable betweenSwitchWrites = () -> {
    };

    void afterTableCopied(Consumer<String> hook) {
        this.afterTableCopied = hook;
    }

    void betweenSwitchWrites(Runnable hook) {
        this.betweenSwitchWrites = hook;
    }

    /** Starts the move or resumes it from its recorded step, up to MOVED_OUT. */
    public void run(MunicipalityCode code) {
        Optional<Move> move = source.database().read(tx -> moves.find(tx, code));
        if (move.isPresent() && move.get().role() != Role.OUTGOING) {
            throw refused(code + " is being moved INTO this database (from " + move.get().peer()
                    + "): run the command at its source");
        }
        if (move.isPresent() && !move.get().peer().equals(targetName)) {
            throw refused(code + " is being moved to " + move.get().peer() + ", not to " + targetName);
        }
        Step step = move.isPresent() ? move.get().step() : start(code);
        try {
            while (step != Step.MOVED_OUT) {
                step = switch (step) {
                    case STOPPED -> drainAndStopOutcomes(code);
                    case COPYING -> copy(code);
                    case COPIED -> verify(code);
                    case VERIFIED -> switchOver(code);
                    case SWITCHED -> deleteAtSource(code);
                    case MOVED_OUT -> step;
                };
            }
        } catch (RuntimeException e) {
            Step at = source.database().read(tx -> moves.find(tx, code)).map(Move::step).orElse(null);
            out.accept("move of " + code + " stopped at step " + at + ": " + (at == Step.SWITCHED
                    ? "the source no longer lists it; the target may not list it yet. Run the command again to finish."
                    : "its issuance stays stopped on the source, the target does not list it. Run the command again to "
                    + "resume, or with --abort to give it back to the source."));
            throw e;
        }
        out.accept("municipality " + code + " moved to " + targetName + ": the target lists it, the source no longer has it");
    }

    /** Rolls a move back before its switch: the target's copy goes, the source issues again. */
    public void abort(MunicipalityCode code) {
        Move move = source.database().read(tx -> moves.find(tx, code))
                .orElseThrow(() -> refused(code + " is not being moved from this database"));
        if (move.role() != Role.OUTGOING || move.step().compareTo(Step.SWITCHED) >= 0) {
            throw refused(code + " is at step " + move.step() + " (" + move.role() + "): past the switch, run the move again "
                    + "to finish it");
        }
        target.database().write(tx -> {
            deleteRowsAt(tx, code, true);
            return null;
        });
        source.database().write(tx -> {
            moves.delete(tx, code);
            systemAudit(source, tx, "MOVE_MUNICIPALITY_ABORTED", code, "to=" + targetName);
            return null;
        });
        out.accept("move of " + code + " aborted: the target's copy is deleted, the source issues again");
    }

    private Step start(MunicipalityCode code) {
        boolean atSource = source.database().read(tx ->
                tx.queryLong("SELECT COUNT(*) FROM municipality WHERE code = ?", code.value()) == 1);
        if (!atSource) {
            throw refused("this database has no municipality " + code);
        }
        Optional<Move> incoming = target.database().read(tx -> moves.find(tx, code));
        boolean atTarget = target.database().read(tx ->
                tx.queryLong("SELECT COUNT(*) FROM municipality WHERE code = ?", code.value()) == 1);
        if (atTarget && incoming.isEmpty()) {
            throw refused("the target already has municipality " + code + " (and is not receiving it)");
        }
        if (incoming.isEmpty()) {
            refuseClerkIdsTaken(code);
        }
        source.database().write(tx -> {
            moves.put(tx, code, Role.OUTGOING, Step.STOPPED, targetName);
            systemAudit(source, tx, "MOVE_MUNICIPALITY_STARTED", code, "to=" + targetName);
            return null;
        });
        out.accept("issuance of " + code + " stopped on the source (MUNICIPALITY_MOVING); waiting up to "
                + drain.toSeconds() + " s for open issuances' outcomes");
        return Step.STOPPED;
    }

    private Step drainAndStopOutcomes(MunicipalityCode code) {
        long deadline = System.nanoTime() + drain.toNanos();
        long open = openIssuances(code);
        while (open > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw refused("interrupted while draining " + code);
            }
            open = openIssuances(code);
        }
        if (open > 0) {
            out.accept(open + " issuance(s) of " + code + " still without an outcome: copied as ISSUED; their outcomes are "
                    + "refused until the switch, then land at the target (or reconciliation voids them there)");
        }
        source.database().write(tx -> {
            if (tx.engine() == Engine.POSTGRESQL) {
                // waits for issue and outcome writes that hold the row shared (MoveGuard)
                tx.query("SELECT code FROM municipality WHERE code = ? FOR UPDATE", row -> row.getString(1), code.value());
                // and for every other change of the municipality: each appends to its chain under this lock (AuditLog)
                tx.query("SELECT chain FROM audit_head WHERE chain = ? FOR UPDATE", row -> row.getString(1), code.value());
            }
            moves.put(tx, code, Role.OUTGOING, Step.COPYING, targetName);
            return null;
        });
        return Step.COPYING;
    }

    /** The municipality's clerk ids move with it: none may exist at the target already. */
    private void refuseClerkIdsTaken(MunicipalityCode code) {
        List<String> ids = source.database().read(tx ->
                tx.query("SELECT id FROM clerk_user WHERE scope = ?", row -> row.getString(1), code.value()));
        List<String> taken = target.database().read(tx -> {
            List<String> found = new ArrayList<>(
                    tx.query("SELECT id FROM clerk_user WHERE scope = ?", row -> row.getString(1), code.value()));
            for (String id : ids) {
                if (!found.contains(id) && tx.queryLong("SELECT COUNT(*) FROM clerk_user WHERE id = ?", id) > 0) {
                    found.add(id);
                }
            }
            return found;
        });
        if (!taken.isEmpty()) {
            throw refused("the target already has clerk ids " + taken + " for " + code + " or of the same name: the "
                    + "municipality's ids move with it; delete or rename those at the target first");
        }
    }

    private long openIssuances(MunicipalityCode code) {
        return source.database().read(tx -> tx.queryLong(
                "SELECT COUNT(*) FROM issuance WHERE municipality_code = ? AND status = 'ISSUED'", code.value()));
    }

    private Step copy(MunicipalityCode code) {
        AuditVerifier.Result chain = source.auditVerifier().verifyChain(code.value());
        if (!chain.intact()) {
            throw refused("the audit chain of " + code + " is broken at the source, nothing copied: " + chain.problems());
        }
        AuditChainCopy chainCopy = new AuditChainCopy(source.audit(), target.audit());
        List<String> counts = new ArrayList<>();
        source.database().read(from -> target.database().bulkWrite(to -> {
            Optional<Move> incoming = moves.find(to, code);
            boolean present = to.queryLong("SELECT COUNT(*) FROM municipality WHERE code = ?", code.value()) == 1;
            if (present && incoming.isEmpty()) {
                throw refused("the target already has municipality " + code + " (and is not receiving it)");
            }
            deleteRowsAt(to, code, false); // an earlier copy that committed but was not recorded at the source
            moves.put(to, code, Role.INCOMING, Step.COPYING, sourceName);
            for (MunicipalityTables.Table table : MunicipalityTables.of(from)) {
                long copied = switch (table.name()) {
                    case MunicipalityTables.MUNICIPALITY_KEY -> {
                        source.keyring().copyKeys(from, to, code, target.keyring());
                        yield 1;
                    }
                    case MunicipalityTables.AUDIT_LOG -> chainCopy.copy(from, to, code.value());
                    case MunicipalityTables.AUDIT_HEAD -> 0; // with the chain
                    case MunicipalityTables.CLERK_USER -> MunicipalityTables.copyRows(from, to, table, code.value(),
                            new ClerkTotpReseal(new TotpSecrets(source.masterKeys()), new TotpSecrets(target.masterKeys())));
                    default -> MunicipalityTables.copyRows(from, to, table, code.value());
                };
                counts.add(table.name() + "=" + copied);
                afterTableCopied.accept(table.name());
            }
            moves.put(to, code, Role.INCOMING, Step.COPIED, sourceName);
            return null;
        }));
        setSourceStep(code, Step.COPIED);
        out.accept("copied " + code + ": " + String.join(" ", counts));
        return Step.COPIED;
    }

    private Step verify(MunicipalityCode code) {
        List<String> problems = new ArrayList<>();
        source.database().read(from -> target.database().read(to -> {
            for (MunicipalityTables.Table table : MunicipalityTables.of(from)) {
                long here = MunicipalityTables.count(from, table, code.value());
                long there = MunicipalityTables.count(to, table, code.value());
                if (here != there) {
                    problems.add(table.name() + ": " + here + " rows at the source, " + there + " at the target");
                }
            }
            return null;
        }));
        AuditVerifier.Result atSource = source.auditVerifier().verifyChain(code.value());
        AuditVerifier.Result atTarget = target.auditVerifier().verifyChain(code.value());
        problems.addAll(atSource.problems().stream().map(p -> "source: " + p).toList());
        problems.addAll(atTarget.problems().stream().map(p -> "target: " + p).toList());
        if (atSource.entries() != atTarget.entries()) {
            problems.add("audit chain: " + atSource.entries() + " entries at the source, " + atTarget.entries() + " at the target");
        }
        if (!problems.isEmpty()) {
            throw refused("the copy of " + code + " does not match the source: " + String.join("; ", problems));
        }
        setSourceStep(code, Step.VERIFIED);
        out.accept("verified " + code + ": row counts equal, audit chain intact on both sides (" + atTarget.entries()
                + " entries)");
        return Step.VERIFIED;
    }

    private Step switchOver(MunicipalityCode code) {
        source.database().write(tx -> {
            moves.put(tx, code, Role.OUTGOING, Step.SWITCHED, targetName);
            systemAudit(source, tx, "MOVE_MUNICIPALITY_SWITCHED", code, "to=" + targetName);
            return null;
        });
        betweenSwitchWrites.run();
        listAtTarget(code);
        out.accept("switched " + code + ": the target lists it, the source no longer does");
        return Step.SWITCHED;
    }

    /** The second half of the switch; does nothing when done (a rerun after a kill between the two writes). */
    private void listAtTarget(MunicipalityCode code) {
        target.database().write(tx -> {
            if (moves.find(tx, code).isPresent()) {
                moves.delete(tx, code);
                systemAudit(target, tx, "MOVE_MUNICIPALITY_RECEIVED", code, "from=" + sourceName);
            }
            return null;
        });
    }

    private Step deleteAtSource(MunicipalityCode code) {
        listAtTarget(code); // completes a switch that was killed between its two writes
        source.database().write(tx -> {
            deleteRowsAt(tx, code, false);
            moves.put(tx, code, Role.OUTGOING, Step.MOVED_OUT, targetName);
            systemAudit(source, tx, "MOVE_MUNICIPALITY_DELETED", code, "to=" + targetName);
            return null;
        });
        source.keyring().forget(code);
        out.accept("deleted " + code + " at the source");
        return Step.MOVED_OUT;
    }

    private void setSourceStep(MunicipalityCode code, Step step) {
        source.database().write(tx -> {
            moves.put(tx, code, Role.OUTGOING, step, targetName);
            return null;
        });
    }

    /** Deletes every row of the municipality here, children first (and its move row when {@code withMoveRow}). */
    private void deleteRowsAt(Tx tx, MunicipalityCode code, boolean withMoveRow) throws SQLException {
        List<MunicipalityTables.Table> tables = new ArrayList<>(MunicipalityTables.of(tx));
        java.util.Collections.reverse(tables);
        for (MunicipalityTables.Table table : tables) {
            MunicipalityTables.delete(tx, table, code.value());
        }
        if (withMoveRow) {
            moves.delete(tx, code);
        }
    }

    private static void systemAudit(RecordStore store, Tx tx, String action, MunicipalityCode code, String detail)
            throws SQLException {
        store.audit().append(tx, new AuditEvent("OPERATOR", System.getProperty("user.name", "operator"), null, action,
                null, "municipality", code.value(), "OK", detail));
    }

    private static ShomeiException refused(String why) {
        return new ShomeiException(ErrorCode.MUNICIPALITY_MOVING, why);
    }

    /** A JDBC URL without user, password or other parameters (it is recorded and printed). */
    static String withoutCredentials(String jdbcUrl) {
        String url = jdbcUrl;
        int query = url.indexOf('?');
        if (query >= 0) {
            url = url.substring(0, query);
        }
        int scheme = url.indexOf("//");
        int at = url.indexOf('@');
        if (scheme >= 0 && at > scheme) {
            url = url.substring(0, scheme + 2) + url.substring(at + 1);
        }
        return url;
    }
}
