package dev.shomei.center.issue;

import dev.shomei.center.board.AlertKind;
import dev.shomei.center.board.AlertLog;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.stats.IssuanceStats;
import dev.shomei.center.stats.Outcome;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Clock;
import java.time.Duration;

/**
 * Voids issuances that got no print outcome within {@code after}: the kiosk crashed, the line
 * broke after the PDF left, a center died mid-issuance. It asks the backend (not its own memory)
 * which issuances are still open, so any center can reconcile what another center issued, and a
 * restarted center loses nothing. Each voided issuance is listed on the console and raises an alert.
 */
public final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    /** The status-update reason the backend records. */
    public static final String REASON = "NO_OUTCOME";

    private final RecordBackend backend;
    private final Duration after;
    private final Clock clock;
    private final ReconciliationLog log;
    private final AlertLog alerts;
    private final IssuanceStats stats;
    private final CenterMetrics metrics;

    public Reconciler(RecordBackend backend, Duration after, Clock clock, ReconciliationLog log, AlertLog alerts,
            IssuanceStats stats, CenterMetrics metrics) {
        this.backend = backend;
        this.after = after;
        this.clock = clock;
        this.log = log;
        this.alerts = alerts;
        this.stats = stats;
        this.metrics = metrics;
    }

    /** One pass; returns how many issuances it voided. Never throws (a timer calls it). */
    public int reconcile() {
        UnconfirmedIssuances open;
        try {
            open = backend.unconfirmed(after);
        } catch (ShomeiException e) {
            LOG.log(System.Logger.Level.WARNING, "reconciliation skipped: {0}", e.code());
            return 0;
        }
        int voided = 0;
        for (UnconfirmedIssuances.Entry entry : open.issuances()) {
            try {
                StatusResponse status = backend.updateStatus(
                        new StatusUpdate(entry.municipalityCode(), entry.transactionId(), IssuanceStatus.VOIDED, REASON));
                if (status.status() != IssuanceStatus.VOIDED || !REASON.equals(status.voidReason())) {
                    continue; // the print outcome arrived meanwhile
                }
                voided++;
                log.add(new ReconciledIssuance(entry.transactionId(), entry.terminalId(), entry.municipalityCode(),
                        entry.issuedAt(), clock.instant()));
                alerts.raise(AlertKind.ISSUANCE_RECONCILED, nullToEmpty(entry.terminalId()), entry.transactionId());
                stats.record(entry.municipalityCode(), Outcome.RECONCILED);
                metrics.outcome(Outcome.RECONCILED.name());
                LOG.log(System.Logger.Level.WARNING,
                        "reconciled tx={0} terminal={1} municipality={2}: no print outcome, voided",
                        entry.transactionId(), entry.terminalId(), entry.municipalityCode());
            } catch (ShomeiException e) {
                LOG.log(System.Logger.Level.WARNING, "reconciling tx={0} failed: {1}", entry.transactionId(), e.code());
            }
        }
        return voided;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
