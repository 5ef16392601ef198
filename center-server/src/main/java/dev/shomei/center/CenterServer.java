package dev.shomei.center;

import dev.shomei.card.data.TrustedCardKeys;
import dev.shomei.center.backend.RecordBackendLinks;
import dev.shomei.center.backend.ShardConflictAlerts;
import dev.shomei.center.backend.ShardedRecordBackend;
import dev.shomei.center.backend.MutualTls;
import dev.shomei.center.board.AlertLog;
import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.console.ConsoleContext;
import dev.shomei.center.console.ConsoleServer;
import dev.shomei.center.console.auth.LoginService;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.ConsolePcs;
import dev.shomei.consolesecurity.PasswordHashes;
import dev.shomei.consolesecurity.RegisteredClients;
import dev.shomei.center.console.auth.SessionStore;
import dev.shomei.center.hours.MaintenanceSchedule;
import dev.shomei.center.hours.ServiceCalendar;
import dev.shomei.center.issue.CardUseGuard;
import dev.shomei.center.issue.CardVerification;
import dev.shomei.center.issue.PrintoutRenderer;
import dev.shomei.center.issue.KioskIssuance;
import dev.shomei.center.issue.IssuedTransactions;
import dev.shomei.center.issue.Reconciler;
import dev.shomei.center.issue.ReconciliationLog;
import dev.shomei.center.issue.RecordBackend;
import dev.shomei.center.issue.VerifierCardVerification;
import dev.shomei.center.line.CenterLineServer;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.municipality.BackendMunicipalities;
import dev.shomei.center.municipality.MunicipalitySource;
import dev.shomei.center.municipality.OpenAllDayMunicipalities;
import dev.shomei.center.municipality.MunicipalityCatalog;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.render.PdfCertificateRenderer;
import dev.shomei.center.render.RenderQueue;
import dev.shomei.center.stats.IssuanceStats;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.line.transport.LineSettings;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.KeySource;
import dev.shomei.protocol.pki.TlsIdentity;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One certificate center: the line server, the orchestration, the operator console and their
 * timers (heartbeat watch, reconciliation, municipality refresh, registry reload). Everything it
 * keeps on disk is configuration under {@code <state>/center/}: settings, the terminal registry,
 * operator logins, municipality terms and maintenance windows. Never application or certificate data.
 */
public final class CenterServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CenterServer.class.getName());

    private final CenterLineServer line;
    private final ConsoleServer console;
    private final ScheduledExecutorService timers;
    private final RenderQueue renders;
    private final TerminalRegistry registry;
    private final TerminalBoard board;
    private final Reconciler reconciler;
    private final MunicipalityCatalog municipalities;

    /** The parts a center is made of; tests swap the backend, the card verification or the renderer. */
    public record Parts(RecordBackend backend, CardVerification cards, PrintoutRenderer renderer, Clock clock) {
        /** The real parts: HTTPS backend with the center's client certificate, card trust per settings, PDFBox. */
        public static Parts real(CenterSettings settings, KeySource pki) {
            return real(settings, pki, TrustedCardKeys.forProfile(settings.cardTrust(),
                    dev.shomei.card.data.KeyId.parse(KeySource.JLIS_DEV_KEY_ID), pki::jlisDevPublicKey));
        }

        /** The real parts checking cards against {@code cardKeys} (a production center's J-LIS trust file). */
        public static Parts real(CenterSettings settings, KeySource pki, TrustedCardKeys cardKeys) {
            TlsIdentity client = pki.centerClient();
            RecordBackend backend = RecordBackendLinks.connect(settings.backend(),
                    MutualTls.context(client.privateKey(), List.of(client.certificate()), List.of(pki.rootCaCertificate())));
            return new Parts(backend, new VerifierCardVerification(cardKeys),
                    new PdfCertificateRenderer(CertificateFont.fromSystemProperty()), Clock.systemUTC());
        }
    }

    /** Whether the municipalities' service hours apply; only the demo ({@code --demo --open-all-day}) ignores them. */
    public enum ServiceHours { AS_SET, DEMO_OPEN_ALL_DAY }

    private CenterServer(CenterSettings settings, Path dir, KeySource pki, Parts parts, ServiceHours hours) {
        Clock clock = parts.clock();
        registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        AtomicLong versions = new AtomicLong();
        AlertLog alerts = new AlertLog(clock, versions::incrementAndGet, 1000);
        board = new TerminalBoard(clock, registry, settings.heartbeatGap(), versions, alerts);
        if (parts.backend() instanceof ShardedRecordBackend sharded) {
            sharded.reportConflictsTo(new ShardConflictAlerts(alerts));
        }
        MaintenanceSchedule maintenance = new MaintenanceSchedule(dir.resolve("maintenance.json"));
        ServiceCalendar calendar = new ServiceCalendar(clock, maintenance::windows);
        MunicipalitySource terms = new BackendMunicipalities(parts.backend(), dir.resolve("municipalities.json"));
        municipalities = new MunicipalityCatalog(hours == ServiceHours.DEMO_OPEN_ALL_DAY
                ? new OpenAllDayMunicipalities(terms) : terms);
        IssuanceStats stats = new IssuanceStats(clock, ServiceRules.ZONE, 48);
        CenterMetrics metrics = new CenterMetrics();
        ReconciliationLog reconciliations = new ReconciliationLog(500);
        IssuedTransactions transactions = new IssuedTransactions(clock, settings.reconcileAfter().multipliedBy(2), 200_000);
        renders = new RenderQueue(parts.renderer(), Runtime.getRuntime().availableProcessors());
        KioskIssuance issuance = new KioskIssuance(registry, calendar, municipalities, parts.cards(), parts.backend(),
                renders, transactions, stats, metrics, alerts,
                new CardUseGuard(settings.cardUse(), clock, alerts, new SecureRandom()));
        reconciler = new Reconciler(parts.backend(), settings.reconcileAfter(), clock, reconciliations, alerts, stats, metrics);

        TlsIdentity serverIdentity = pki.centerServer();
        LineSettings lineSettings = LineSettings.server().withReaderIdleTimeout(settings.lineIdleTimeout());
        line = CenterLineServer.start(new InetSocketAddress(settings.lineHost(), settings.linePort()), serverIdentity,
                pki.rootCaPem(), lineSettings, settings.lineLimits(), registry, board, issuance);
        metrics.watch(board, line::connectionCount);

        OperatorAccounts accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(),
                PasswordHashes.ITERATIONS);
        SessionStore sessions = new SessionStore(Clock.systemUTC(), new SecureRandom(), settings.sessionIdleTimeout(),
                settings.sessionMaxLifetime());
        LoginService login = new LoginService(accounts, sessions, Totp.standard(), Clock.systemUTC(), 5, Duration.ofMinutes(5));
        List<HealthCheck> checks = List.of(
                check("line", HealthCheckType.LIVENESS, () -> line.port() > 0),
                check("municipalities", HealthCheckType.READINESS, () -> {
                    try {
                        municipalities.all();
                        return true;
                    } catch (RuntimeException e) {
                        return false;
                    }
                }));
        ConsoleContext consoleContext = new ConsoleContext(clock, registry, board, municipalities, maintenance, stats,
                reconciliations, login, sessions, metrics, checks, settings.streamInterval(),
                settings.cardTrust() == TrustedCardKeys.Profile.DEV);
        try {
            ConsolePcs pcs = new ConsolePcs(dir.resolve("console-pcs.json"));
            console = ConsoleServer.start(consoleContext, serverIdentity, settings.consoleHost(), settings.consolePort(),
                    new RegisteredClients(settings.consoleClientCertificates(), pcs::ids), List.of(pki.rootCaCertificate()));
        } catch (RuntimeException e) {
            line.close();
            renders.close();
            throw e;
        }

        timers = Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("center-timer").daemon().factory());
        every(Duration.ofSeconds(1), board::checkHeartbeats);
        every(Duration.ofSeconds(2), registry::refresh);
        every(settings.reconcileEvery(), reconciler::reconcile);
        every(settings.municipalityRefresh(), municipalities::refresh);
        every(Duration.ofHours(1), () -> maintenance.pruneOver(calendar.nowInJapan().minusDays(1)));
        timers.execute(municipalities::refresh); // a backend that is down must not hold up the start
    }

    /** Starts a center on the configuration directory {@code dir} ({@code <state>/center}). */
    public static CenterServer start(CenterSettings settings, Path dir, KeySource pki, Parts parts) {
        return start(settings, dir, pki, parts, ServiceHours.AS_SET);
    }

    /** Starts a center whose municipalities keep their service hours or, in the demo, are open all day. */
    public static CenterServer start(CenterSettings settings, Path dir, KeySource pki, Parts parts, ServiceHours hours) {
        CenterServer center = new CenterServer(settings, dir, pki, parts, hours);
        LOG.log(System.Logger.Level.INFO, "center up: line {0}, console https://{1}:{2,number,#}/",
                center.line.address(), settings.consoleHost(), center.console.port());
        return center;
    }

    private void every(Duration period, Runnable task) {
        long millis = Math.max(10, period.toMillis());
        timers.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "center timer task failed: " + e.getClass().getSimpleName());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    private static HealthCheck check(String name, HealthCheckType type, java.util.function.BooleanSupplier up) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return type;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(up.getAsBoolean()).build();
            }
        };
    }

    public int linePort() {
        return line.port();
    }

    public int consolePort() {
        return console.port();
    }

    public TerminalRegistry registry() {
        return registry;
    }

    public TerminalBoard board() {
        return board;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    public MunicipalityCatalog municipalities() {
        return municipalities;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        console.close();
        line.close();
        renders.close();
        LOG.log(System.Logger.Level.INFO, "center stopped");
    }
}
