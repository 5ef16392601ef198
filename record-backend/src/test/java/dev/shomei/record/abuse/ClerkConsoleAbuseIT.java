package dev.shomei.record.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.abuse.HttpFlood;
import dev.shomei.protocol.abuse.RawHttps;
import dev.shomei.protocol.abuse.RawTls;
import dev.shomei.protocol.abuse.TlsProbe;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.console.ConsoleFixture;
import dev.shomei.record.console.ConsoleHttp;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.RecordStore;
import dev.shomei.record.testing.TlsClients;
import dev.shomei.record.users.Authenticator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clerk console over real HTTPS, attacked: password spraying from one address, CSRF variants
 * the console tests do not try, session fixation with real earlier ids, path traversal on
 * {@code /static} with raw request targets, slow and flooding clients; and the backend's two real
 * ports (mutual-TLS API, console) against TLS downgrade and a client of another CA. XSS and SQL
 * injection in every console field are {@code ClerkConsoleIT.xssAndSqlInjectionInEveryFieldAreShownAsTextAndChangeNothing}.
 */
class ClerkConsoleAbuseIT {
    @TempDir
    static Path pkiDir;
    @TempDir
    static Path foreignDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture fixture;

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() {
        fixture = new ConsoleFixture(dir, pki);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ConsoleHttp browser() throws Exception {
        return new ConsoleHttp(pki, fixture.origin());
    }

    private void loggedIn(ConsoleHttp http, String user) throws Exception {
        HttpResponse<byte[]> ok = http.login(user, ConsoleFixture.PASSWORD, fixture.code(user));
        assertEquals(303, ok.statusCode(), ConsoleHttp.text(ok));
    }

    @Test
    void sprayingGuessesAcrossIdsLocksTheAddress() throws Exception {
        ConsoleHttp attacker = browser();
        for (int i = 0; i < Authenticator.ADDRESS_MAX_FAILURES; i++) { // one guess per id: no id reaches its own limit
            assertEquals(401, attacker.login(i % 2 == 0 ? "guess-" + i : "clerk-a", "Winter-2026-" + i, "000000")
                    .statusCode());
        }
        HttpResponse<byte[]> rightCredentials = browser().login("clerk-b", ConsoleFixture.PASSWORD, fixture.code("clerk-b"));
        assertEquals(401, rightCredentials.statusCode(), "the address is locked, even for an id never guessed");
        long addressLocked = fixture.store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM audit_log WHERE action = 'LOGIN' AND detail = 'reason=ADDRESS_LOCKED'"));
        assertEquals(1, addressLocked, "the real reason is in the audit log");
        fixture.clock.advance(Authenticator.LOCKOUT.plusMinutes(1));
        loggedIn(browser(), "clerk-b");
    }

    @Test
    void crossSiteAndForeignTokenPostsAreRefusedAndChangeNothing() throws Exception {
        ConsoleHttp supervisor = browser();
        loggedIn(supervisor, "supervisor-a");
        supervisor.get("/residents/" + fixture.residentA.id());
        String path = "/residents/" + fixture.residentA.id() + "/status";
        ConsoleHttp clerk = browser();
        loggedIn(clerk, "clerk-a");
        clerk.get("/issuances");
        List<HttpResponse<byte[]>> refused = new ArrayList<>();
        // another user's token is not this session's token
        refused.add(supervisor.post(path, Map.of("status", "DECEASED", "_csrf", clerk.csrf)));
        for (String origin : List.of("null", "https://127.0.0.1.evil.example", "http://127.0.0.1:" + fixture.server.port())) {
            refused.add(supervisor.send(supervisor.builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", origin).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "status=DECEASED&_csrf=" + supervisor.csrf))));
        }
        // no Origin, but the browser says the request came from another site
        refused.add(supervisor.send(supervisor.builder(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "status=DECEASED&_csrf=" + supervisor.csrf))));
        refused.add(supervisor.post("/logout", Map.of(), false));
        for (HttpResponse<byte[]> response : refused) {
            assertEquals(403, response.statusCode(), ConsoleHttp.text(response));
        }
        assertEquals(ResidentStatus.ACTIVE, residentStatus(), "refused posts change nothing");
        assertEquals(200, supervisor.get("/issuances").statusCode(), "the forged logout did not end the session");
    }

    @Test
    void noIdFromBeforeLoginOrAfterLogoutIsASession() throws Exception {
        ConsoleHttp victim = browser();
        assertEquals(200, victim.get("/login").statusCode());
        String loginCookie = victim.cookies.values().iterator().next(); // the pre-login (login form CSRF) cookie
        loggedIn(victim, "clerk-a");
        String first = victim.cookies.get("__Host-shomei-clerk");
        assertNotEquals(loginCookie, first, "the session id is not the pre-login cookie");

        ConsoleHttp attacker = browser();
        attacker.cookies.put("__Host-shomei-clerk", loginCookie);
        assertEquals("/login", ConsoleHttp.location(attacker.get("/issuances")), "a pre-login cookie is no session");

        loggedIn(victim, "supervisor-a"); // logging in again on a live session
        String second = victim.cookies.get("__Host-shomei-clerk");
        assertNotEquals(first, second);
        attacker.cookies.put("__Host-shomei-clerk", first);
        assertEquals("/login", ConsoleHttp.location(attacker.get("/issuances")), "the earlier session id died at login");

        victim.get("/issuances"); // the page carries this session's form token
        assertEquals(303, victim.post("/logout", Map.of()).statusCode());
        attacker.cookies.put("__Host-shomei-clerk", second);
        assertEquals("/login", ConsoleHttp.location(attacker.get("/issuances")), "a logged-out id is refused");
    }

    @Test
    void pathTraversalOnStaticContentFindsNothing() throws Exception {
        SSLContext tls = RawTls.context(null, pki.rootCaCertificate());
        int port = fixture.server.port();
        Files.writeString(dir.resolve("secret.txt"), "SECRET-FILE-CONTENT");
        List<String> targets = List.of("/static/../../etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
                "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                "/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd", "/static/..%5c..%5c..%5cetc%5cpasswd",
                "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/....//....//etc/passwd",
                "/static/..;/..;/etc/passwd", "/static/console.css%00.html", "/../../../../etc/passwd",
                "/static/../console/console.css", "/static/..%2fconsole%2fconsole.css",
                "/static/%2e%2e%2fdev%2fshomei%2frecord%2fRecordStore.class", "/static/%2e%2e%2fMETA-INF%2fMANIFEST.MF",
                "/static/" + dir.resolve("secret.txt"), "/static/..%2f..%2f..%2f" + dir.resolve("secret.txt")
                        .toString().replace("/", "%2f"), "//etc/passwd", "/static//etc/passwd");
        for (String target : targets) {
            RawHttps.Response response = RawHttps.get(tls, port, target);
            assertTrue(response.status() >= 300 && response.status() < 500 || response.status() == -1,
                    target + " -> " + response.status());
            assertFalse(response.text().contains("root:x:0:0"), target + " served /etc/passwd");
            assertFalse(response.text().contains("SECRET-FILE-CONTENT"), target + " served a file of the state directory");
            assertFalse(response.text().contains("Manifest-Version") || response.text().contains("\u00ca\u00fe\u00ba\u00be"),
                    target + " served a class-path resource");
        }
        assertEquals(200, RawHttps.get(tls, port, "/static/console.css").status(), "control: the style sheet is served");
    }

    @Test
    void slowAndFloodingClientsDoNotStopAClerk() throws Exception {
        ConsoleHttp clerk = browser();
        loggedIn(clerk, "clerk-a");
        List<Long> quiet = pageLatencies(clerk);
        SSLContext tls = RawTls.context(null, pki.rootCaCertificate());
        List<Long> loaded;
        int oversized;
        try (HttpFlood flood = HttpFlood.start(fixture.server.port(), tls, 200, 50)) {
            loaded = pageLatencies(clerk);
            oversized = RawHttps.get(tls, fixture.server.port(), "/issuances?x=" + "a".repeat(70_000)).status();
        }
        assertEquals(10, loaded.size());
        assertTrue(oversized >= 400 && oversized < 500 || oversized == -1, "a 70 kB request line -> " + oversized);
        assertEquals(200, clerk.get("/issuances").statusCode(), "the console still serves afterwards");
        String line = String.format("clerk console flood (200 idle TCP + 50 slow-header TLS): GET /issuances ms without %s,"
                + " during %s; 70 kB request line -> %d", quiet, loaded, oversized);
        System.out.println("[console abuse] " + line);
        Path file = Path.of("target", "abuse", "clerk-console-flood.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator());
    }

    @Test
    void theRealPortsRefuseOldTlsAndTheApiRefusesAClientOfAnotherCa() throws Exception {
        RecordStore store = fixture.store;
        try (BackendServer server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(10)), store, IssuerKeySources.dev(pki, "https://127.0.0.1:8411"), Clock.systemUTC())) {
            for (int version : new int[] {TlsProbe.TLS_1_0, TlsProbe.TLS_1_1, TlsProbe.TLS_1_2}) {
                assertTrue(TlsProbe.refuses("127.0.0.1", server.apiPort(), version), "API: " + Integer.toHexString(version));
                assertTrue(TlsProbe.refuses("127.0.0.1", server.consolePort(), version),
                        "console: " + Integer.toHexString(version));
            }
            String api = "https://127.0.0.1:" + server.apiPort() + BackendApi.MUNICIPALITIES;
            DevPki foreign = DevPki.ensure(foreignDir);
            HttpClient impostor = TlsClients.client(foreign.centerClient(), pki.rootCaCertificate());
            assertThrows(IOException.class, () -> TlsClients.get(impostor, api), "a center certificate of another CA");
            HttpClient kiosk = TlsClients.client(pki.terminal("K0001"), pki.rootCaCertificate());
            assertThrows(IOException.class, () -> TlsClients.get(kiosk, api), "a kiosk certificate of the right CA");
            HttpClient center = TlsClients.client(pki.centerClient(), pki.rootCaCertificate());
            assertEquals(200, TlsClients.get(center, api).statusCode(), "control: the center's certificate works");
        }
    }

    private ResidentStatus residentStatus() {
        return fixture.store.database().read(tx -> new dev.shomei.record.store.ResidentRepository().findById(tx,
                fixture.store.keyring().cipher(tx, ConsoleFixture.A), fixture.residentA.id())).orElseThrow().status();
    }

    private static List<Long> pageLatencies(ConsoleHttp http) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            assertEquals(200, http.get("/issuances").statusCode());
            latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return latencies;
    }
}
