package dev.shomei.kiosk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.center.OutcomeOutbox;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.SessionTimeouts;
import dev.shomei.kiosk.testing.FakeCard;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.kiosk.testing.FakePrinter;
import dev.shomei.kiosk.testing.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The screen's HTTP side over a real socket: headers, the API's answers, who may talk to it. */
class KioskWebServerIT {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private KioskSession session;
    private SimulatedCoinUnit coins;
    private KioskWebServer server;
    private String base;

    @BeforeEach
    void start() {
        FakeCenter center = new FakeCenter();
        coins = new SimulatedCoinUnit();
        session = new KioskSession(new KioskSession.Devices(new FakeCard("1234"), center, coins, new FakePrinter()),
                new OutcomeOutbox(center, Runnable::run, 10), MutableClock.noonInJapan(),
                SessionTimeouts.uniform(Duration.ofMinutes(1), Duration.ofSeconds(8)), Runnable::run, 5);
        server = KioskWebServer.start(0, session, new SimulatedHardware(coins, null));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyResponseForbidsStoring() throws Exception {
        for (String path : List.of("/", "/index.html", "/kiosk.js", "/kiosk.css", "/texts.js", "/api/screen",
                "/api/hardware", "/no-such-file")) {
            HttpResponse<String> response = get(path);
            assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""), path);
            assertTrue(response.headers().firstValue("etag").isEmpty(), "no validators on " + path);
            assertEquals("nosniff", response.headers().firstValue("x-content-type-options").orElse(""), path);
            assertTrue(response.headers().firstValue("content-security-policy").orElse("").contains("default-src 'self'"), path);
        }
        HttpResponse<String> action = postAction("{\"action\":\"START\"}");
        assertEquals("no-store", action.headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void theScreenIsServed() throws Exception {
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("kiosk.js"));
        JsonNode screen = json.readTree(get("/api/screen").body());
        assertEquals("IDLE", screen.get("state").asText());
    }

    @Test
    void actionsDriveTheSession() throws Exception {
        HttpResponse<String> started = postAction("{\"action\":\"START\"}");
        assertEquals(200, started.statusCode());
        assertEquals("SERVICE", json.readTree(started.body()).get("state").asText());
        postAction("{\"action\":\"SERVICE\",\"value\":\"VACCINATION_CERTIFICATE\"}");
        HttpResponse<String> language = postAction("{\"action\":\"LANGUAGE\",\"value\":\"EN\"}");
        assertEquals("EN", json.readTree(language.body()).get("language").asText());
    }

    @Test
    void aStaleActionIsAConflictAndChangesNothing() throws Exception {
        HttpResponse<String> response = postAction("{\"action\":\"CONFIRM\"}");
        assertEquals(409, response.statusCode());
        assertEquals("INVALID_REQUEST", json.readTree(response.body()).get("error").asText());
        assertEquals("IDLE", session.state().name());
    }

    @Test
    void malformedInputIsABadRequest() throws Exception {
        assertEquals(400, postAction("not json").statusCode());
        assertEquals(400, postAction("[1,2]").statusCode());
        assertEquals(400, postAction("{\"action\":\"NO_SUCH_ACTION\"}").statusCode());
        assertEquals(400, postAction("{\"action\":\"LANGUAGE\",\"value\":\"KLINGON\"}").statusCode());
        assertEquals(400, postAction("{\"action\":42}").statusCode());
        assertEquals(413, postAction("{\"action\":\"" + "x".repeat(5000) + "\"}").statusCode());
        assertEquals("IDLE", session.state().name());
    }

    @Test
    void theSimulatedCoinSlotTakesCoins() throws Exception {
        HttpResponse<String> coin = post("/api/coin", "{\"yen\":100}");
        assertEquals(200, coin.statusCode());
        assertEquals("RETURNED", json.readTree(coin.body()).get("result").asText(), "no payment open");
        assertEquals(404, post("/api/card", "{\"present\":true}").statusCode(), "no card slot here");
    }

    @Test
    void withoutASimulatedCoinUnitThereIsNoCoinSlotAndNoCoinButtons() throws Exception {
        server.close();
        server = KioskWebServer.start(0, session, SimulatedHardware.none());
        base = "http://127.0.0.1:" + server.port();
        assertEquals(404, post("/api/coin", "{\"yen\":100}").statusCode(), "the fee cannot be tapped in");
        var hardware = json.readTree(get("/api/hardware").body());
        assertFalse(hardware.get("coins").asBoolean());
        assertEquals(0, hardware.get("acceptedYen").size(), "the screen gets no coin buttons to draw");
        assertFalse(hardware.get("demo").asBoolean(), "no demo strip under the footer");
    }

    @Test
    void aPortInUseStopsTheKioskInsteadOfAScreenThatServesNothing() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> KioskWebServer.start(server.port(), session, SimulatedHardware.none()));
        assertTrue(refused.getMessage().contains(":" + server.port() + " (in use?)"), refused.getMessage());
    }

    @Test
    void aKioskWithSimulatedHardwareSaysItIsADemo() throws Exception {
        assertTrue(json.readTree(get("/api/hardware").body()).get("demo").asBoolean());
    }

    @Test
    void theEventStreamSendsTheScreen() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events")).timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("no-store", response.headers().firstValue("cache-control").orElse(""));
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("event:screen", reader.readLine().replace(" ", ""));
            String data = reader.readLine();
            assertTrue(data.startsWith("data:"));
            assertEquals("IDLE", json.readTree(data.substring(5)).get("state").asText());
            session.start();
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("data:"));
            assertEquals("SERVICE", json.readTree(line.substring(5)).get("state").asText());
        }
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        assertEquals(403, rawStatus("GET /api/screen HTTP/1.1\r\nHost: attacker.example:" + server.port() + "\r\n\r\n"));
        assertEquals(200, rawStatus("GET /api/screen HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n\r\n"));
    }

    @Test
    void aPostFromAnotherOriginIsRefused() throws Exception {
        String body = "{\"action\":\"START\"}";
        String request = "POST /api/action HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                + "\r\nOrigin: http://attacker.example\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
        assertEquals(403, rawStatus(request));
        assertEquals("IDLE", session.state().name());
    }

    @Test
    void onlyTheLoopbackInterfaceListens() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    try (Socket socket = new Socket()) {
                        assertThrows(IOException.class,
                                () -> socket.connect(new InetSocketAddress(address, server.port()), 2000),
                                "the screen must not listen on " + address);
                    }
                }
            }
        }
        assertFalse(server.url().contains("0.0.0.0"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postAction(String body) throws Exception {
        return post("/api/action", body);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
