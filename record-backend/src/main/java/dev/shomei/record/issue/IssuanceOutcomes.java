package dev.shomei.record.issue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditLog;
import dev.shomei.record.db.Database;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.Issuance;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.move.MoveGuard;
import dev.shomei.record.revoke.Revocations;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.MunicipalityRepository;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How issuances end: PRINTED or VOIDED as the kiosk reports through the center, and the backend's
 * own reconciliation — an issuance still ISSUED after the confirmation timeout is voided with
 * reason {@value #TIMEOUT_REASON}. A PRINTED report that arrives after that (the kiosk was offline)
 * still wins: the timeout void was only a presumption. So was the center's reconciliation void
 * ({@value #CENTER_RECONCILED_REASON}): it, too, gives way to a late PRINTED.
 *
 * <p>Allowed: ISSUED -> PRINTED, ISSUED -> VOIDED, VOIDED({@value #TIMEOUT_REASON} or
 * {@value #CENTER_RECONCILED_REASON}) -> PRINTED; the same report twice is answered with the current
 * state. Anything else is INVALID_REQUEST.
 *
 * <p>Every void revokes the issuance's signed QR payloads in the same transaction ({@link Revocations}).
 * The revocation lists only grow, so a late PRINTED after a presumed void leaves the printed
 * certificate revoked: the record says PRINTED, a verifier says REVOKED, and the resident gets a reissue.
 */
public final class IssuanceOutcomes {
    public static final String TIMEOUT_REASON = "UNCONFIRMED_TIMEOUT";
    /** The reason the center's reconciliation voids with (center-server's {@code Reconciler.REASON}). */
    public static final String CENTER_RECONCILED_REASON = "NO_OUTCOME";
    private static final System.Logger LOG = System.getLogger(IssuanceOutcomes.class.getName());
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final int BATCH = 500;

    private final Database database;
    private final AuditLog audit;
    private final Clock clock;
    private final IssuanceRepository issuances = new IssuanceRepository();
    private final MunicipalityRepository municipalities = new MunicipalityRepository();
    private final Revocations revocations = new Revocations();
    private final MoveGuard moveGuard = new MoveGuard();
    private final MunicipalityMoveRepository moves = new MunicipalityMoveRepository();

    /** The most any issuance can cost (copies x the largest fee a municipality may set, see Municipality). */
    private static final int MAX_CHARGED_YEN = ServiceRules.COPIES_MAX * 100_000;

    public IssuanceOutcomes(Database database, AuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records PRINTED or VOIDED for the issuance of one transaction. */
    public StatusResponse update(StatusUpdate update, String client) {
        if (update == null) {
            throw invalid("request is missing");
        }
        MunicipalityCode code = MunicipalityCode.of(update.municipalityCode());
        if (update.transactionId() == null || !IDENTIFIER.matcher(update.transactionId()).matches()) {
            throw invalid("transactionId must be 1..64 of [A-Za-z0-9._-]");
        }
        IssuanceStatus target = update.status();
        if (target == null || target == IssuanceStatus.ISSUED) {
            throw invalid("status must be PRINTED or VOIDED");
        }
        String reason = target == IssuanceStatus.VOIDED ? update.reason() : null;
        if (target == IssuanceStatus.VOIDED && (reason == null || !REASON.matcher(reason).matches())) {
            throw invalid("reason must be 1..32 of [A-Z0-9_] starting with a letter");
        }
        if (update.terminalId() != null && !IDENTIFIER.matcher(update.terminalId()).matches()) {
            throw invalid("terminalId must be 1..64 of [A-Za-z0-9._-]");
        }
        if (update.chargedYen() != null && (update.chargedYen() < 0 || update.chargedYen() > MAX_CHARGED_YEN)) {
            throw invalid("chargedYen must be 0.." + MAX_CHARGED_YEN);
        }
        Issuance result = database.write(tx -> {
            moveGuard.refuseOutcome(tx, code);
            Issuance issuance = issuances.findByTransaction(tx, code, update.transactionId())
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no issuance for this transaction"));
            refuseOtherTerminal(issuance, update.terminalId());
            refuseWrongFee(issuance, target, update.chargedYen());
            Issuance changed = transition(tx, issuance, target, reason, "CENTER", client);
            if (update.chargedYen() != null && changed.status() == target) {
                issuances.recordCharged(tx, issuance.municipality(), issuance.id(), update.chargedYen());
            }
            return changed;
        });
        return response(result);
    }

    /**
     * The fee has one source of truth, this municipality's record: the kiosk charges the amount the
     * issuance recorded, and a PRINTED report of any other amount changes nothing (the center alerts the
     * operator, who checks the kiosk's cash). A void is never refused: nothing was handed out; what it
     * kept is recorded and the center alerts on it.
     */
    private static void refuseWrongFee(Issuance issuance, IssuanceStatus target, Integer chargedYen) {
        if (target == IssuanceStatus.PRINTED && chargedYen != null && chargedYen != issuance.feeTotalYen()) {
            LOG.log(Level.WARNING, "issuance {0}: terminal reports {1} yen charged, the recorded fee is {2}: refused",
                    issuance.certificateId(), chargedYen, issuance.feeTotalYen());
            throw new ShomeiException(ErrorCode.FEE_MISMATCH,
                    "charged " + chargedYen + " yen, the recorded fee is " + issuance.feeTotalYen() + " yen");
        }
    }

    /**
     * An outcome is taken only from the terminal that made the issuance: another (a stolen or
     * confused kiosk) must not mark someone else's certificate PRINTED or VOIDED. An update naming
     * no terminal is the center's reconciliation.
     */
    private static void refuseOtherTerminal(Issuance issuance, String reportingTerminal) {
        if (reportingTerminal != null && issuance.terminalId() != null && !issuance.terminalId().equals(reportingTerminal)) {
            LOG.log(Level.WARNING, "status update for issuance {0} from terminal {1}, made by {2}: refused",
                    issuance.certificateId(), reportingTerminal, issuance.terminalId());
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the issuance was made by another terminal");
        }
    }

    /**
     * The clerk's report for a window or postal issuance (issue 21): PRINTED when it was handed out or
     * mailed, VOIDED (revoked) with a reason otherwise; only from ISSUED, in the caller's transaction,
     * audited like a kiosk's report but with the clerk and their address.
     */
    public Issuance closeAtCounter(Tx tx, Issuance issuance, IssuanceStatus target, String reason, String clerk,
                                   String source) throws SQLException {
        if (issuance.status() != IssuanceStatus.ISSUED || target == IssuanceStatus.ISSUED
                || target == IssuanceStatus.VOIDED && (reason == null || !REASON.matcher(reason).matches())) {
            throw invalid("issuance " + issuance.certificateId() + " is " + issuance.status() + " and cannot become " + target);
        }
        return transition(tx, issuance, target, target == IssuanceStatus.VOIDED ? reason : null, "CLERK", clerk, source);
    }

    private Issuance transition(Tx tx, Issuance issuance, IssuanceStatus target, String reason, String actorType,
                                String actor) throws SQLException {
        return transition(tx, issuance, target, reason, actorType, actor, issuance.terminalId());
    }

    private Issuance transition(Tx tx, Issuance issuance, IssuanceStatus target, String reason, String actorType,
                                String actor, String source) throws SQLException {
        IssuanceStatus current = issuance.status();
        if (current == target) {
            return issuance; // a repeated report: answer with what is recorded
        }
        boolean allowed = current == IssuanceStatus.ISSUED
                || current == IssuanceStatus.VOIDED && target == IssuanceStatus.PRINTED
                && (TIMEOUT_REASON.equals(issuance.voidReason()) || CENTER_RECONCILED_REASON.equals(issuance.voidReason()));
        if (!allowed) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST,
                    "issuance " + issuance.certificateId() + " is " + current + " and cannot become " + target);
        }
        Instant now = clock.instant();
        if (!issuances.changeStatus(tx, issuance.municipality(), issuance.id(), current, target, reason, now)) {
            // a retry racing the attempt it repeats (the center's first try timed out while its commit waited
            // out a database failover, PostgresFailoverIT): once that one committed, this one is answered alike
            Optional<Issuance> meanwhile = issuances.findByCertificateId(tx, issuance.municipality(), issuance.certificateId());
            if (meanwhile.isPresent() && meanwhile.get().status() == target) {
                return meanwhile.get();
            }
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "issuance changed concurrently; retry");
        }
        if (target == IssuanceStatus.VOIDED) {
            revocations.revoke(tx, issuance, now);
        } else if (current == IssuanceStatus.VOIDED) {
            // the lists only grow: a certificate printed after a presumed void stays revoked (reissue it)
            LOG.log(Level.WARNING, "issuance {0} printed after its void ({1}): its QR codes stay revoked",
                    issuance.certificateId(), issuance.voidReason());
        }
        audit.append(tx, new AuditEvent(actorType, actor, source, "MARK_" + target, issuance.municipality(),
                "issuance", issuance.certificateId(), "OK", reason == null ? "from=" + current : "from=" + current + " reason=" + reason));
        LOG.log(Level.INFO, "issuance {0} (transaction {1}) {2} -> {3}{4}", issuance.certificateId(), issuance.transactionId(),
                current, target, reason == null ? "" : " (" + reason + ")");
        return new Issuance(issuance.id(), issuance.municipality(), issuance.certificateId(), issuance.residentId(),
                issuance.type(), issuance.channel(), issuance.terminalId(), issuance.transactionId(), issuance.copies(),
                issuance.feeTotalYen(), issuance.issuedAt(), target, now, reason);
    }

    /** Issuances still ISSUED that are older than {@code olderThan}, oldest first, at most {@code limit}. */
    public UnconfirmedIssuances unconfirmed(Duration olderThan, int limit) {
        Instant before = clock.instant().minus(olderThan);
        List<Issuance> found = new ArrayList<>();
        database.read(tx -> {
            for (MunicipalityCode code : municipalities.codes(tx)) {
                found.addAll(issuances.listIssuedBefore(tx, code, before, limit));
            }
            return null;
        });
        return new UnconfirmedIssuances(found.stream()
                .sorted(Comparator.comparing(Issuance::issuedAt))
                .limit(limit)
                .map(issuance -> new UnconfirmedIssuances.Entry(issuance.municipality().value(), issuance.transactionId(),
                        issuance.certificateId(), issuance.terminalId(), issuance.issuedAt()))
                .toList());
    }

    /**
     * The issuances of one transaction id in every municipality, whatever their status: how a center
     * that never saw the issuance (another center, or itself before a restart) learns where a late
     * print outcome belongs. Ids and status only.
     */
    public TransactionIssuances byTransaction(String transactionId) {
        if (transactionId == null || !IDENTIFIER.matcher(transactionId).matches()) {
            throw invalid("transactionId must be 1..64 of [A-Za-z0-9._-]");
        }
        List<Issuance> found = new ArrayList<>();
        database.read(tx -> {
            for (MunicipalityCode code : municipalities.codes(tx)) {
                issuances.findByTransaction(tx, code, transactionId).ifPresent(found::add);
            }
            return null;
        });
        return new TransactionIssuances(found.stream()
                .map(issuance -> new TransactionIssuances.Entry(issuance.municipality().value(),
                        issuance.transactionId(), issuance.status()))
                .toList());
    }

    /** Voids every issuance still ISSUED after {@code timeout}; returns how many. Run on a timer. */
    public int voidUnconfirmed(Duration timeout) {
        Instant before = clock.instant().minus(timeout);
        int voided = 0;
        java.util.Set<String> moving = database.read(moves::all).keySet(); // a move's own rows wait for it
        for (MunicipalityCode code : database.read(municipalities::codes)) {
            if (moving.contains(code.value())) {
                continue;
            }
            try {
                voided += voidUnconfirmed(code, before);
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.MUNICIPALITY_MOVING) {
                    throw e;
                }
                // a move began since the list was read: its rows wait for it, the others are voided still
            }
        }
        return voided;
    }

    private int voidUnconfirmed(MunicipalityCode code, Instant before) {
        int voided = 0;
        while (true) {
            List<Issuance> stale = database.read(tx -> issuances.listIssuedBefore(tx, code, before, BATCH));
            for (Issuance issuance : stale) {
                voided += database.write(tx -> {
                    Issuance current = issuances.findByTransaction(tx, code, issuance.transactionId()).orElseThrow();
                    if (current.status() != IssuanceStatus.ISSUED) {
                        return 0; // the kiosk's report came first
                    }
                    transition(tx, current, IssuanceStatus.VOIDED, TIMEOUT_REASON, "SYSTEM", "reconciliation");
                    return 1;
                });
            }
            if (stale.size() < BATCH) {
                return voided;
            }
        }
    }

    private static StatusResponse response(Issuance issuance) {
        return new StatusResponse(issuance.municipality().value(), issuance.transactionId(), issuance.certificateId(),
                issuance.status(), issuance.voidReason(), issuance.statusChangedAt());
    }

    private static ShomeiException invalid(String message) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, message);
    }
}
