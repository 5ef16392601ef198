package dev.shomei.center.console;

import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.console.auth.LiveSessions;
import dev.shomei.consolesecurity.AuditTrail;
import dev.shomei.center.console.auth.LoginService;
import dev.shomei.center.console.auth.SessionStore;
import dev.shomei.center.hours.MaintenanceSchedule;
import dev.shomei.center.issue.ReconciliationLog;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.municipality.MunicipalityCatalog;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.stats.IssuanceStats;
import io.helidon.health.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the operator console reads and changes. The console keeps no state of its own apart
 * from sessions.
 *
 * @param streamInterval how often the live board stream looks for changes
 */
public record ConsoleContext(
        Clock clock,
        TerminalRegistry registry,
        TerminalBoard board,
        MunicipalityCatalog municipalities,
        MaintenanceSchedule maintenance,
        IssuanceStats stats,
        ReconciliationLog reconciliations,
        LoginService login,
        SessionStore sessions,
        CenterMetrics metrics,
        List<HealthCheck> healthChecks,
        Duration streamInterval,
        boolean devCardTrust) {

    /** A console of a center that trusts only real cards. */
    public ConsoleContext(Clock clock, TerminalRegistry registry, TerminalBoard board, MunicipalityCatalog municipalities,
            MaintenanceSchedule maintenance, IssuanceStats stats, ReconciliationLog reconciliations, LoginService login,
            SessionStore sessions, CenterMetrics metrics, List<HealthCheck> healthChecks, Duration streamInterval) {
        this(clock, registry, board, municipalities, maintenance, stats, reconciliations, login, sessions, metrics,
                healthChecks, streamInterval, false);
    }

    /** The operators' hash-chained audit trail, next to {@code operators.json} (shared by the centers). */
    public AuditTrail audit() {
        return new AuditTrail(login.accounts().path().resolveSibling(OPERATOR_AUDIT_FILE), clock);
    }

    public static final String OPERATOR_AUDIT_FILE = "operator-audit.jsonl";

    /** Sessions checked against their accounts on every use. */
    public LiveSessions live() {
        return new LiveSessions(sessions, login.accounts());
    }
}
