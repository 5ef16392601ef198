package dev.shomei.center.console;

import dev.shomei.center.board.AlertLog;
import dev.shomei.center.board.TerminalBoard;
import dev.shomei.center.console.auth.LoginService;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.console.auth.SessionStore;
import dev.shomei.center.hours.MaintenanceSchedule;
import dev.shomei.center.issue.ReconciliationLog;
import dev.shomei.center.metrics.CenterMetrics;
import dev.shomei.center.municipality.MunicipalityCatalog;
import dev.shomei.center.registry.TerminalRegistry;
import dev.shomei.center.stats.IssuanceStats;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.MutableClock;
import dev.shomei.consolesecurity.RegisteredClients;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import io.helidon.health.HealthCheckResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A console with real parts on a temp directory and a fake municipality source. */
final class ConsoleFixture implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin password 123";
    static final String OPERATOR_PASSWORD = "operator password 1";

    final MutableClock clock = new MutableClock(Instant.now(), ServiceRules.ZONE);
    final TerminalRegistry registry;
    final TerminalBoard board;
    final FakeMunicipalities municipalitySource = new FakeMunicipalities();
    final MunicipalityCatalog municipalities = new MunicipalityCatalog(municipalitySource);
    final MaintenanceSchedule maintenance;
    final IssuanceStats stats;
    final ReconciliationLog reconciliations = new ReconciliationLog(100);
    final OperatorAccounts accounts;
    final SessionStore sessions;
    final CenterMetrics metrics;
    final byte[] adminSecret;
    final byte[] operatorSecret;
    final ConsoleServer server;

    ConsoleFixture(Path dir, DevPki pki) {
        this(dir, pki, null);
    }

    /** A second console instance on {@code sibling}'s state directory (another center sharing it). */
    ConsoleFixture(Path dir, DevPki pki, ConsoleFixture sibling) {
        this(dir, pki, sibling, new RegisteredClients(false, java.util.Set::of), List.of());
    }

    /** A console that admits only the PCs {@code clients} registers, with certificates from {@code clientCas}. */
    ConsoleFixture(Path dir, DevPki pki, ConsoleFixture sibling, RegisteredClients clients,
            List<java.security.cert.X509Certificate> clientCas) {
        registry = TerminalRegistry.open(dir.resolve("terminals.json"));
        if (sibling == null) {
            registry.register("K0001", "Store 1");
            registry.register("K0002", "Store 2");
        }
        AtomicLong versions = new AtomicLong();
        board = new TerminalBoard(clock, registry, Duration.ofSeconds(90), versions,
                new AlertLog(clock, versions::incrementAndGet, 100));
        maintenance = new MaintenanceSchedule(dir.resolve("maintenance.json"));
        stats = new IssuanceStats(clock, ServiceRules.ZONE, 48);
        accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), 1_000);
        adminSecret = sibling != null ? sibling.adminSecret
                : Base32.decodeAllowingHyphens(accounts.create("admin", Role.ADMIN, ADMIN_PASSWORD.toCharArray()));
        operatorSecret = sibling != null ? sibling.operatorSecret
                : Base32.decodeAllowingHyphens(accounts.create("operator", Role.OPERATOR, OPERATOR_PASSWORD.toCharArray()));
        // sessions and TOTP run on the real clock: the browser-side code is computed from it
        sessions = new SessionStore(Clock.systemUTC(), new SecureRandom(), Duration.ofMinutes(30), Duration.ofHours(12));
        LoginService login = new LoginService(accounts, sessions, Totp.standard(), Clock.systemUTC(), 5,
                Duration.ofMinutes(5));
        metrics = new CenterMetrics();
        metrics.watch(board, () -> 0);
        ConsoleContext context = new ConsoleContext(clock, registry, board, municipalities, maintenance, stats,
                reconciliations, login, sessions, metrics,
                List.of(() -> HealthCheckResponse.builder().status(true).detail("line", "up").build()),
                Duration.ofMillis(100));
        server = ConsoleServer.start(context, pki.centerServer(), "127.0.0.1", 0, clients, clientCas);
    }

    String code(byte[] secret) {
        return Totp.standard().code(secret, Instant.now());
    }

    @Override
    public void close() {
        server.close();
    }
}
