package dev.shomei.record.api;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.RecordStore;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.revoke.TrustDocuments;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import dev.shomei.consolesecurity.RegisteredClients;
import java.util.Set;
import java.util.function.Supplier;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import java.lang.System.Logger.Level;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The backend's web server: the issuance API on one port (mutual TLS, only the pinned center
 * client certificate), the console port (server TLS; JWKS without login), health and metrics on
 * both ({@code /observe/health}, {@code /observe/metrics}). A timer voids issuances that stay
 * unconfirmed past the confirmation timeout and re-reads the issuer keys.
 */
public final class BackendServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackendServer.class.getName());
    public static final String CONSOLE_SOCKET = "console";
    public static final String PUBLIC_SOCKET = "public";

    /**
     * @param allowedClients       the client certificates the API accepts (the center's)
     * @param confirmationTimeout  how long an issuance may stay ISSUED before the backend voids it
     * @param housekeepingPeriod   how often the timeout voiding and the key re-reading run
     */
    /**
     * @param consolePcs when not null, the clerk console admits only browsers with a client certificate
     *                   from {@code trustedCa} whose CN it lists (registered municipal PCs); null = any browser (demo)
     */
    /**
     * @param publicPort the public trust endpoint (server TLS only, no client certificate): JWKS,
     *                   revocation lists, VDS-NC certificates, the verifier page; -1 for none
     */
    public record Settings(String host, int apiPort, int consolePort, TlsIdentity serverIdentity, X509Certificate trustedCa,
                           List<X509Certificate> allowedClients, Duration confirmationTimeout, Duration housekeepingPeriod,
                           Supplier<Set<String>> consolePcs, int publicPort) {
        public Settings(String host, int apiPort, int consolePort, TlsIdentity serverIdentity, X509Certificate trustedCa,
                        List<X509Certificate> allowedClients, Duration confirmationTimeout, Duration housekeepingPeriod,
                        Supplier<Set<String>> consolePcs) {
            this(host, apiPort, consolePort, serverIdentity, trustedCa, allowedClients, confirmationTimeout,
                    housekeepingPeriod, consolePcs, -1);
        }

        public Settings(String host, int apiPort, int consolePort, TlsIdentity serverIdentity, X509Certificate trustedCa,
                        List<X509Certificate> allowedClients, Duration confirmationTimeout, Duration housekeepingPeriod) {
            this(host, apiPort, consolePort, serverIdentity, trustedCa, allowedClients, confirmationTimeout,
                    housekeepingPeriod, null);
        }
    }

    private final WebServer server;
    private final ScheduledExecutorService housekeeping;

    private BackendServer(WebServer server, ScheduledExecutorService housekeeping) {
        this.server = server;
        this.housekeeping = housekeeping;
    }

    public static BackendServer start(Settings settings, RecordStore store, IssuerKeys keys, Clock clock) {
        return start(settings, store, keys, clock, null);
    }

    /** @param console mounts the clerk console on the console port; {@code null} for none */
    public static BackendServer start(Settings settings, RecordStore store, IssuerKeys keys, Clock clock,
                                      Consumer<HttpRouting.Builder> console) {
        BackendMetrics metrics = new BackendMetrics(Metrics.createMeterRegistry(), store.database().poolNames());
        store.database().observeWith(metrics);
        IssuanceService issuance = new IssuanceService(store.database(), store.keyring(), store.audit(),
                new QrCertificateSigner(keys), new CertificateContents(VaccineCatalog.standard()), clock);
        IssuanceOutcomes outcomes = new IssuanceOutcomes(store.database(), store.audit(), clock);
        IssuanceApi api = new IssuanceApi(store.database(), issuance, outcomes, metrics);
        // the JWKS and monitoring stay open to anyone: public keys, nothing personal
        RegisteredClients clients = new RegisteredClients(settings.consolePcs() != null,
                settings.consolePcs() == null ? Set::of : settings.consolePcs(),
                path -> path.equals(dev.shomei.protocol.backend.BackendApi.JWKS) || path.startsWith("/observe/"));
        TrustDocuments trust = new TrustDocuments(store.database(), keys, clock);
        ConsoleRoutes consoleRoutes = new ConsoleRoutes(keys, console, clients, trust::jwks);

        Tls apiTls = Tls.builder()
                .sslContext(PinnedClientTrust.sslContext(settings.serverIdentity(), settings.trustedCa(), settings.allowedClients()))
                .clientAuth(TlsClientAuth.REQUIRED)
                .enabledProtocols(List.of("TLSv1.3"))
                .build();
        io.helidon.common.tls.TlsConfig.Builder consoleTlsBuilder = Tls.builder()
                .privateKey(settings.serverIdentity().privateKey())
                .privateKeyCertChain(List.of(settings.serverIdentity().certificate(), settings.trustedCa()))
                .enabledProtocols(List.of("TLSv1.3"));
        if (clients.required()) {
            // OPTIONAL: a browser without a certificate gets the refusal page (and JWKS readers need none)
            consoleTlsBuilder.clientAuth(TlsClientAuth.OPTIONAL).trust(List.of(settings.trustedCa()));
        }
        Tls consoleTls = consoleTlsBuilder.build();
        var builder = WebServer.builder();
        if (settings.publicPort() >= 0) {
            // server certificate only: any verifier may read, none has to identify itself
            Tls publicTls = Tls.builder()
                    .privateKey(settings.serverIdentity().privateKey())
                    .privateKeyCertChain(List.of(settings.serverIdentity().certificate(), settings.trustedCa()))
                    .enabledProtocols(List.of("TLSv1.3", "TLSv1.2"))
                    .build();
            TrustRoutes trustRoutes = new TrustRoutes(trust);
            builder.putSocket(PUBLIC_SOCKET, socket -> socket
                    .host(settings.host())
                    .port(settings.publicPort())
                    .tls(publicTls)
                    .maxPayloadSize(1024)
                    .routing(trustRoutes::routing));
        }
        WebServer server = builder
                .host(settings.host())
                .port(settings.apiPort())
                .tls(apiTls)
                .maxPayloadSize(dev.shomei.protocol.backend.BackendApi.MAX_REQUEST_BYTES)
                .routing(api::routing)
                .putSocket(CONSOLE_SOCKET, socket -> socket
                        .host(settings.host())
                        .port(settings.consolePort())
                        .tls(consoleTls)
                        .maxPayloadSize(64 * 1024)
                        .routing(consoleRoutes::routing))
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .observersDiscoverServices(false)
                        .sockets(List.of(WebServer.DEFAULT_SOCKET_NAME, CONSOLE_SOCKET))
                        .addObserver(HealthObserver.builder()
                                .useSystemServices(false)
                                .details(true)
                                .addChecks(new HealthCheck[] {databaseCheck(store), keysCheck(keys)})
                                .build())
                        .addObserver(MetricsObserver.builder().meterRegistry(metrics.registry()).build())
                        .build())
                .shutdownHook(false)
                .build();
        server.start();
        if (!server.isRunning()) {
            // Helidon logs the socket that could not bind, closes the others and returns normally: a
            // backend serving nothing must not carry on as if it had started
            throw new IllegalStateException("could not listen on " + settings.host() + " (api port " + settings.apiPort()
                    + ", console port " + settings.consolePort() + ", public port " + settings.publicPort()
                    + "): a port in use? The log names the socket");
        }

        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "backend-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.housekeepingPeriod().toMillis();
        housekeeping.scheduleWithFixedDelay(() -> housekeep(outcomes, keys, metrics, settings.confirmationTimeout()),
                period, period, TimeUnit.MILLISECONDS);
        BackendServer backend = new BackendServer(server, housekeeping);
        LOG.log(Level.INFO, "record backend API on https://{0}:{1,number,#} (mutual TLS), console on https://{0}:{2,number,#}/",
                settings.host(), backend.apiPort(), backend.consolePort());
        return backend;
    }

    private static void housekeep(IssuanceOutcomes outcomes, IssuerKeys keys, BackendMetrics metrics, Duration timeout) {
        try {
            int voided = outcomes.voidUnconfirmed(timeout);
            metrics.timeoutVoids(voided);
            if (voided > 0) {
                LOG.log(Level.INFO, "housekeeping: voided {0} issuances unconfirmed after {1}", voided, timeout);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping: timeout voiding failed: {0}", e.getClass().getSimpleName());
        }
        try {
            keys.reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping: issuer keys not re-read ({0}); the previous keys stay in use",
                    e.getClass().getSimpleName());
        }
    }

    private static HealthCheck databaseCheck(RecordStore store) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckResponse call() {
                try {
                    store.database().read(tx -> tx.queryLong("SELECT 1"));
                    return HealthCheckResponse.builder().status(true).detail("engine", store.database().engine().name()).build();
                } catch (RuntimeException e) {
                    return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
                }
            }
        };
    }

    private static HealthCheck keysCheck(IssuerKeys keys) {
        return new HealthCheck() {
            @Override
            public String name() {
                return "issuer-keys";
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(keys.shc().size() > 0)
                        .detail("shcKeys", keys.shc().size()).detail("vdsSigner", keys.vds().isPresent()).build();
            }
        };
    }

    public int apiPort() {
        return server.port();
    }

    public int consolePort() {
        return server.port(CONSOLE_SOCKET);
    }

    /** The public trust endpoint's port, -1 when there is none. */
    public int publicPort() {
        return server.port(PUBLIC_SOCKET);
    }

    @Override
    public void close() {
        housekeeping.shutdownNow();
        server.stop();
    }
}
