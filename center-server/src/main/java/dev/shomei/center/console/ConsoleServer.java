package dev.shomei.center.console;

import dev.shomei.protocol.pki.TlsIdentity;
import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.security.cert.X509Certificate;
import java.util.List;

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

    private ConsoleServer(ConsoleContext context, TlsIdentity identity, List<X509Certificate> chain, String host, int port) {
        ConsoleSecurity security = new ConsoleSecurity(context.sessions());
        ConsoleAssets assets = new ConsoleAssets();
        BoardStream stream = new BoardStream(context, () -> running);
        Tls tls = Tls.builder()
                .privateKey(identity.privateKey())
                .privateKeyCertChain(chain)
                .enabledProtocols(List.of("TLSv1.3"))
                .build();
        this.server = WebServer.builder()
                .host(host)
                .port(port)
                .tls(tls)
                .featuresDiscoverServices(false)
                .addFeature(ObserveFeature.builder()
                        .observersDiscoverServices(false)
                        .addObserver(HealthObserver.builder()
                                .useSystemServices(false)
                                .details(true)
                                .addChecks(context.healthChecks().toArray(io.helidon.health.HealthCheck[]::new))
                                .build())
                        .build())
                .routing(routing -> routing(routing, context, security, assets, stream))
                .build();
    }

    /** Starts the console on {@code host:port} (0 = any free port). */
    public static ConsoleServer start(ConsoleContext context, TlsIdentity identity, String host, int port) {
        ConsoleServer console = new ConsoleServer(context, identity, List.of(identity.certificate()), host, port);
        console.server.start();
        LOG.log(System.Logger.Level.INFO, "operator console on https://{0}:{1,number,#}/", host, console.port());
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
