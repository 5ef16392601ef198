package dev.shomei.center.console;

import dev.shomei.consolesecurity.ConsoleHardening;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.consolesecurity.RegisteredClients;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import io.helidon.common.tls.TlsConfig;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * The operator console: HTTPS only (the center's server certificate), login with password + TOTP,
 * a live board over SSE, terminal and municipality administration, counts, Helidon's
 * {@code /observe/health} and the center's own {@code /observe/metrics} (Prometheus text).
 *
 * <pre>
 * /               the board (redirects to /login without a session)
 * /login          the login page
 * /assets/*       the page's script and style (a fixed list)
 * /api/*          JSON API (session + CSRF token; see ConsoleApi)
 * /api/events     the live board stream (SSE)
 * /observe/health, /observe/metrics   monitoring, no login, nothing personal
 * </pre>
 */
public final class ConsoleServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ConsoleServer.class.getName());

    private final WebServer server;
    private volatile boolean running = true;

    private ConsoleServer(ConsoleContext context, TlsIdentity identity, List<X509Certificate> chain, String host, int port,
            RegisteredClients clients, List<X509Certificate> clientCas) {
        ConsoleSecurity security = new ConsoleSecurity(context.live());
        ConsoleAssets assets = new ConsoleAssets();
        BoardStream stream = new BoardStream(context, () -> running);
        TlsConfig.Builder tlsBuilder = Tls.builder()
                .privateKey(identity.privateKey())
                .privateKeyCertChain(chain)
                .enabledProtocols(List.of("TLSv1.3"));
        if (clients.required()) {
            // OPTIONAL, not REQUIRED: a browser without a certificate gets the refusal page, not a TLS error
            tlsBuilder.clientAuth(TlsClientAuth.OPTIONAL).trust(clientCas);
        }
        Tls tls = tlsBuilder.build();
        this.server = WebServer.builder()
                .host(host)
                .port(port)
                .tls(tls)
                .maxPayloadSize(ConsoleHardening.MAX_PAYLOAD_BYTES)
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .observersDiscoverServices(false)
                        .addObserver(HealthObserver.builder()
                                .useSystemServices(false)
                                .details(true)
                                .addChecks(context.healthChecks().toArray(io.helidon.health.HealthCheck[]::new))
                                .build())
                        .build())
                .routing(routing -> routing(routing.addFilter(clients), context, security, assets, stream))
                .build();
    }

    /** Starts the console on {@code host:port} (0 = any free port) for any browser (the demo, tests). */
    public static ConsoleServer start(ConsoleContext context, TlsIdentity identity, String host, int port) {
        return start(context, identity, host, port, new RegisteredClients(false, Set::of), List.of());
    }

    /**
     * Starts the console on {@code host:port}; when {@code clients} is required, only browsers with a
     * client certificate from {@code clientCas} whose id is registered get past the refusal page.
     */
    public static ConsoleServer start(ConsoleContext context, TlsIdentity identity, String host, int port,
            RegisteredClients clients, List<X509Certificate> clientCas) {
        ConsoleServer console = new ConsoleServer(context, identity, List.of(identity.certificate()), host, port,
                clients, clientCas);
        console.server.start();
        if (!console.server.isRunning()) {
            // Helidon logs the bind failure and returns normally; a center without its console must not start
            console.close();
            throw new IllegalStateException("the operator console could not listen on " + host + ":" + port + " (in use?)");
        }
        LOG.log(System.Logger.Level.INFO, "operator console on https://{0}:{1,number,#}/ (registered PCs only: {2})", host,
                console.port(), clients.required());
        return console;
    }

    static void routing(HttpRouting.Builder routing, ConsoleContext context, ConsoleSecurity security,
            ConsoleAssets assets, BoardStream stream) {
        routing.addFilter(security)
                .get("/", (req, res) -> {
                    if (security.currentSession(req).isEmpty()) {
                        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, "/login").send();
                    } else {
                        assets.send("console.html", res);
                    }
                })
                .get("/login", (req, res) -> assets.send("login.html", res))
                .get("/observe/metrics", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
                    res.send(context.metrics().prometheusText());
                })
                .get("/assets/{name}", (req, res) -> assets.send(req.path().pathParameters().get("name"), res))
                .get("/api/events", stream::handle)
                .register("/api/operators", new OperatorApi(context))
                .register("/api", new ConsoleApi(context))
                .error(Exception.class, ConsoleApi::error);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        running = false;
        server.stop();
    }
}
