package dev.shomei.kiosk.web;

import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.voice.VoiceGuide;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The touch screen's server: static HTML/CSS/JS from the classpath ({@code web/}) plus the JSON
 * and event-stream API, on the loopback interface only. Static files are served from memory,
 * never via temporary files.
 */
public final class KioskWebServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(KioskWebServer.class.getName());
    /** The only interface the screen listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    private final WebServer server;
    private final ScreenBroadcaster broadcaster;
    private final KioskSession session;

    private KioskWebServer(WebServer server, ScreenBroadcaster broadcaster, KioskSession session) {
        this.server = server;
        this.broadcaster = broadcaster;
        this.session = session;
    }

    /** Starts on 127.0.0.1:{@code port} (0 picks a free port). */
    public static KioskWebServer start(int port, KioskSession session, SimulatedHardware hardware) {
        return start(port, session, hardware, null);
    }

    /** The same with the voice's controls (repeat, volume, headphones); {@code voice} may be null. */
    public static KioskWebServer start(int port, KioskSession session, SimulatedHardware hardware, VoiceGuide voice) {
        ScreenBroadcaster broadcaster = new ScreenBroadcaster();
        session.addListener(broadcaster);
        AtomicInteger actualPort = new AtomicInteger(port);
        KioskApi api = new KioskApi(session, hardware, broadcaster, voice);
        WebServer server = WebServer.builder()
                .host(LOOPBACK)
                .port(port)
                .maxPayloadSize(64 * 1024)
                .routing(routing -> routing(routing, api, actualPort::get))
                .build()
                .start();
        if (!server.isRunning()) {
            // Helidon logs the bind failure and returns normally; a kiosk without its screen must not start
            session.removeListener(broadcaster);
            throw new IllegalStateException("the kiosk screen could not listen on " + LOOPBACK + ":" + port + " (in use?)");
        }
        actualPort.set(server.port());
        LOG.log(Level.INFO, "kiosk screen on http://{0}:{1}/", LOOPBACK, String.valueOf(server.port()));
        return new KioskWebServer(server, broadcaster, session);
    }

    static void routing(HttpRouting.Builder routing, KioskApi api, IntSupplier port) {
        routing.addFilter(new NoStoreFilter(port))
                .register("/api", api)
                .register("/", StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                        .location("web")
                        .welcome("index.html")
                        .memoryCache(cache -> cache.enabled(true))
                        .temporaryStorage(storage -> storage.enabled(false))
                        .build()));
    }

    public int port() {
        return server.port();
    }

    /** The screen's address. */
    public String url() {
        return "http://" + LOOPBACK + ":" + port() + "/";
    }

    @Override
    public void close() {
        session.removeListener(broadcaster);
        broadcaster.close();
        server.stop();
    }
}
