package dev.shomei.center.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.pki.DevPki;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over real HTTPS: login with TOTP, sessions, CSRF, roles, SSE, metrics, health. */
class ConsoleServerIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture console;
    Https http;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() {
        console = new ConsoleFixture(dir, pki);
        http = new Https(pki, console.server.port());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private JsonNode login(String user, String password, byte[] secret) throws Exception {
        HttpResponse<String> response = http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                "username", user, "password", password, "code", console.code(secret))));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode me = JSON.readTree(response.body());
        http.csrf(me.get("csrfToken").asText());
        return me;
    }

    @Test
    void withoutASessionThePageRedirectsAndTheApiRefuses() {
        HttpResponse<String> page = http.get("/");
        assertEquals(303, page.statusCode());
        assertEquals("/login", page.headers().firstValue("Location").orElseThrow());
        assertEquals(401, http.get("/api/board").statusCode());
        assertEquals(200, http.get("/login").statusCode());
    }

    @Test
    void loginNeedsPasswordAndCurrentTotpAndSetsAHardenedCookie() throws Exception {
        String wrongCode = String.format("%06d", (Integer.parseInt(console.code(console.adminSecret)) + 1) % 1_000_000);
        HttpResponse<String> badCode = http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                "username", "admin", "password", ConsoleFixture.ADMIN_PASSWORD, "code", wrongCode)));
        assertEquals(401, badCode.statusCode());
        HttpResponse<String> badPassword = http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                "username", "admin", "password", "not the password", "code", console.code(console.adminSecret))));
        assertEquals(401, badPassword.statusCode());
        assertEquals(badCode.body(), badPassword.body(), "a failure does not say which factor was wrong");

        HttpResponse<String> ok = http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                "username", "admin", "password", ConsoleFixture.ADMIN_PASSWORD, "code", console.code(console.adminSecret))));
        assertEquals(200, ok.statusCode());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("__Host-shomei-center="), setCookie);
        assertTrue(setCookie.contains("Secure") && setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"));
        assertEquals("ADMIN", JSON.readTree(ok.body()).get("role").asText());
        assertEquals(false, JSON.readTree(ok.body()).get("devCardTrust").asBoolean(), "no DEMO banner: real card trust");
        assertEquals(200, http.get("/").statusCode());
        assertTrue(http.get("/").headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
    }

    @Test
    void aTotpCodeWorksOnlyOnce() throws Exception {
        String code = console.code(console.operatorSecret);
        String body = JSON.writeValueAsString(java.util.Map.of(
                "username", "operator", "password", ConsoleFixture.OPERATOR_PASSWORD, "code", code));
        assertEquals(200, http.post("/api/login", body).statusCode());
        assertEquals(401, http.post("/api/login", body).statusCode(), "replayed code");
    }

    @Test
    void changesNeedTheCsrfTokenAndTheSameOrigin() throws Exception {
        login("operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret);
        String token = JSON.readTree(http.get("/api/me").body()).get("csrfToken").asText();

        http.csrf(null);
        assertEquals(403, http.post("/api/terminals/K0001/disable", "").statusCode());
        assertTrue(console.registry.isEnabled("K0001"), "refused changes change nothing");

        http.csrf(token);
        HttpRequest foreign = http.builder("/api/terminals/K0001/disable")
                .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example").build();
        assertEquals(403, http.send(foreign).statusCode());
        assertTrue(console.registry.isEnabled("K0001"));

        assertEquals(200, http.post("/api/terminals/K0001/disable", "").statusCode());
        assertFalse(console.registry.isEnabled("K0001"));
        assertEquals(200, http.post("/api/terminals/K0001/enable", "").statusCode());
        assertTrue(console.registry.isEnabled("K0001"));
        assertEquals(404, http.post("/api/terminals/K9999/enable", "").statusCode());
    }

    @Test
    void operatorsMayNotChangeMunicipalitiesAdminsMay() throws Exception {
        login("operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret);
        String change = "{\"participating\":false,\"opensAt\":\"07:00\",\"closesAt\":\"22:00\"}";
        assertEquals(403, http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO, change).statusCode());
        assertTrue(console.municipalities.find(FakeMunicipalities.BUNKYO).orElseThrow().participating());

        http.post("/api/logout", "");
        assertEquals(401, http.get("/api/me").statusCode(), "logout ends the session");

        login("admin", ConsoleFixture.ADMIN_PASSWORD, console.adminSecret);
        assertEquals(400, http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO,
                "{\"feePerCopyYen\":-1}").statusCode(), "bad input is refused");
        assertEquals(400, http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO,
                "{\"opensAt\":\"25:00\"}").statusCode());
        HttpResponse<String> feeChange = http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO,
                "{\"participating\":false,\"feePerCopyYen\":150}");
        assertEquals(400, feeChange.statusCode(), "the fee is the municipality's, set at the backend");
        assertTrue(feeChange.body().contains("record backend"), feeChange.body());
        assertTrue(console.municipalities.find(FakeMunicipalities.BUNKYO).orElseThrow().participating(),
                "a refused change changes nothing");
        HttpResponse<String> ok = http.put("/api/municipalities/" + FakeMunicipalities.BUNKYO, change);
        assertEquals(200, ok.statusCode(), ok.body());
        var stored = console.municipalities.find(FakeMunicipalities.BUNKYO).orElseThrow();
        assertFalse(stored.participating());
        assertEquals(120, stored.feePerCopyYen(), "the backend's fee");
        assertEquals("07:00", stored.opensAt().toString());
        assertFalse(console.municipalities.forKiosks().stream().anyMatch(m -> m.code().equals(FakeMunicipalities.BUNKYO)),
                "kiosks no longer see it");

        assertEquals(200, http.post("/api/maintenance",
                "{\"start\":\"2030-01-01T01:00\",\"end\":\"2030-01-01T03:00\",\"note\":\"VRS upgrade\"}").statusCode());
        assertEquals(400, http.post("/api/maintenance",
                "{\"start\":\"2030-01-01T03:00\",\"end\":\"2030-01-01T01:00\"}").statusCode());
        assertEquals(1, console.maintenance.windows().size());
        assertEquals(200, http.delete("/api/maintenance/0").statusCode());
        assertTrue(console.maintenance.windows().isEmpty());
    }

    @Test
    void theBoardStreamsChangesWithoutReload() throws Exception {
        login("operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret);
        HttpRequest request = http.builder("/api/events").header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String snapshot = nextEvent(reader);
            assertTrue(snapshot.startsWith("event:snapshot") || snapshot.startsWith("event: snapshot"), snapshot);
            assertTrue(snapshot.contains("\"K0001\"") && snapshot.contains("OFFLINE"), snapshot);

            console.board.connected("K0002", "2.0.1");
            console.board.heartbeat("K0002", new Heartbeat(TerminalState.IN_SERVICE, 55, 40, DeviceStatus.OK,
                    DeviceStatus.OK, DeviceStatus.WARNING, 10, 2, 0, Instant.now()));
            String changes = nextEvent(reader);
            assertTrue(changes.contains("changes"), changes);
            assertTrue(changes.contains("\"K0002\"") && changes.contains("IN_USE") && changes.contains("2.0.1"), changes);
            assertFalse(changes.contains("\"K0001\""), "only changed rows are sent");
        }
    }

    @Test
    void countsAndReconciledAreServed() throws Exception {
        console.stats.record(FakeMunicipalities.BUNKYO, dev.shomei.center.stats.Outcome.ISSUED);
        console.stats.record(FakeMunicipalities.BUNKYO, dev.shomei.center.stats.Outcome.PRINTED);
        login("operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret);
        JsonNode counts = JSON.readTree(http.get("/api/counts").body());
        assertEquals(24, counts.get("perHour").size());
        assertEquals(1, counts.get("perHour").get(23).get("ISSUED").asInt());
        assertEquals(FakeMunicipalities.BUNKYO, counts.get("perMunicipality").get(0).get("municipalityCode").asText());
        assertEquals(1, counts.get("perMunicipality").get(0).get("PRINTED").asInt());
        assertEquals(200, http.get("/api/reconciled").statusCode());
    }

    @Test
    void metricsAndHealthNeedNoLoginAndCarryNoTerminalIds() {
        console.metrics.issueAnswered("ISSUED", Duration.ofMillis(12));
        HttpResponse<String> metrics = http.send(http.builder("/observe/metrics")
                .header("Accept", "text/plain").GET().build());
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().contains("shomei_center_issue_requests_total{result=\"ISSUED\"} 1"), metrics.body());
        assertTrue(metrics.body().contains("shomei_center_terminals{status=\"offline\"} 2"), metrics.body());
        assertTrue(metrics.body().contains("shomei_center_issue_latency_seconds_bucket{le=\"0.025\"} 1"), metrics.body());
        assertFalse(metrics.body().contains("K0001"));
        HttpResponse<String> health = http.get("/observe/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("UP"), health.body());
    }

    @Test
    void assetsAreAFixedList() {
        assertEquals(200, http.get("/assets/console.js").statusCode());
        assertEquals(404, http.get("/assets/..%2F..%2Fconsole%2Fconsole.js").statusCode());
        assertEquals(404, http.get("/assets/operators.json").statusCode());
    }

    /** Reads lines up to the next blank line that ends an event with data (comments are skipped). */
    private static String nextEvent(BufferedReader reader) throws Exception {
        CompletableFuture<String> next = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder event = new StringBuilder();
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (event.toString().contains("data:")) {
                            return event.toString();
                        }
                        event.setLength(0);
                        continue;
                    }
                    event.append(line).append('\n');
                }
                return event.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return next.get(10, TimeUnit.SECONDS);
    }

    @Test
    void lockoutAfterRepeatedFailures() throws Exception {
        for (int i = 0; i < 5; i++) {
            http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                    "username", "admin", "password", "wrong password " + i, "code", "000000")));
        }
        HttpResponse<String> locked = http.post("/api/login", JSON.writeValueAsString(java.util.Map.of(
                "username", "admin", "password", ConsoleFixture.ADMIN_PASSWORD, "code", console.code(console.adminSecret))));
        assertEquals(401, locked.statusCode(), "even the right credentials wait out the lockout");
        assertNotEquals(null, locked.body());
    }
}
