package dev.shomei.center.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.pki.DevPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review's gaps, over real HTTPS: request size, TOTP replay across centers, revoked sessions, lock message. */
class ConsoleSessionSecurityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = List.of("/api/login", "/api/logout", "/api/terminals/K0001/disable",
            "/api/alerts/1/ack", "/api/maintenance", "/", "/login", "/api/events", "/nowhere");

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

    private HttpResponse<String> login(Https client, ConsoleFixture at, String user, String password, byte[] secret)
            throws Exception {
        return client.post("/api/login", JSON.writeValueAsString(Map.of(
                "username", user, "password", password, "code", at.code(secret))));
    }

    @Test
    void aDeclaredHugeBodyIsRefusedOnEveryRouteBeforeItIsRead() throws Exception {
        for (String route : ROUTES) {
            try (SSLSocket socket = socket()) {
                // 3 GB announced, nothing sent: the answer must come from the header alone
                write(socket, "POST " + route + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + (3L << 30) + "\r\n\r\n");
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertTrue(status != null && status.startsWith("HTTP/1.1 413"), route + ": " + status);
            }
        }
    }

    @Test
    void aStreamedHugeBodyIsCutOffAtTheLimitWithoutHeapGrowth() throws Exception {
        long before = usedHeapAfterGc();
        long written = 0;
        try (SSLSocket socket = socket()) {
            write(socket, "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) '0');
            byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            try {
                while (written < 256L << 20) { // up to 256 MB, unless the server stops reading
                    socket.getOutputStream().write(head);
                    socket.getOutputStream().write(chunk);
                    socket.getOutputStream().write(new byte[] {'\r', '\n'});
                    written += chunk.length;
                }
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server closed the connection: cut off
            }
        }
        assertTrue(written < 16L << 20, "the server read " + (written >> 20) + " MB of a login body");
        long grown = usedHeapAfterGc() - before;
        assertTrue(grown < 32L << 20, "heap grew by " + (grown >> 20) + " MB");
        assertEquals(200, http.get("/login").statusCode(), "the console still serves");
    }

    private SSLSocket socket() throws Exception {
        SSLSocket socket = (SSLSocket) Https.trusting(pki).getSocketFactory().createSocket("127.0.0.1", console.server.port());
        socket.setSoTimeout(5_000);
        socket.startHandshake();
        return socket;
    }

    private static void write(SSLSocket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    @Test
    void aTotpCodeUsedAtOneCenterIsRefusedAtAnother() throws Exception {
        try (ConsoleFixture second = new ConsoleFixture(dir, pki, console)) {
            Https other = new Https(pki, second.server.port());
            String body = JSON.writeValueAsString(Map.of("username", "operator",
                    "password", ConsoleFixture.OPERATOR_PASSWORD, "code", console.code(console.operatorSecret)));
            assertEquals(200, http.post("/api/login", body).statusCode());
            assertEquals(401, other.post("/api/login", body).statusCode(), "the same code at the second center");
        }
        try (ConsoleFixture restarted = new ConsoleFixture(dir, pki, console)) {
            Https after = new Https(pki, restarted.server.port());
            String body = JSON.writeValueAsString(Map.of("username", "operator",
                    "password", ConsoleFixture.OPERATOR_PASSWORD, "code", console.code(console.operatorSecret)));
            assertEquals(401, after.post("/api/login", body).statusCode(), "the same code after a restart");
        }
    }

    @Test
    void disablingAnOperatorCutsOffTheirOpenBoardWithinSeconds() throws Exception {
        HttpResponse<String> ok = login(http, console, "operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret);
        assertEquals(200, ok.statusCode());
        HttpRequest request = http.builder("/api/events").header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> stream = http.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertTrue(reader.readLine().contains("snapshot"));
            long start = System.nanoTime();
            console.accounts.update("operator", Role.OPERATOR, false, null);
            CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
                try {
                    while (reader.readLine() != null) {
                        // drain until the server closes the stream
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            ended.get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        }
        assertEquals(401, http.get("/api/me").statusCode(), "the session is gone, not only the stream");
    }

    @Test
    void demotingAnAdminEndsTheirSession() throws Exception {
        assertEquals(200, login(http, console, "admin", ConsoleFixture.ADMIN_PASSWORD, console.adminSecret).statusCode());
        assertEquals("ADMIN", JSON.readTree(http.get("/api/me").body()).get("role").asText());
        console.accounts.update("admin", Role.OPERATOR, true, null);
        assertEquals(401, http.get("/api/me").statusCode());
    }

    @Test
    void aPasswordChangeOrAnExpiredAccountEndsTheSession() throws Exception {
        assertEquals(200, login(http, console, "operator", ConsoleFixture.OPERATOR_PASSWORD, console.operatorSecret).statusCode());
        console.accounts.setPassword("operator", "a new password 42".toCharArray());
        assertEquals(401, http.get("/api/me").statusCode());

        Https admin = new Https(pki, console.server.port());
        assertEquals(200, login(admin, console, "admin", ConsoleFixture.ADMIN_PASSWORD, console.adminSecret).statusCode());
        console.accounts.update("admin", Role.ADMIN, true, "2020-01-01");
        assertEquals(401, admin.get("/api/me").statusCode());
    }

    @Test
    void aLockedNameIsToldUntilWhenWhetherOrNotItExists() throws Exception {
        for (String user : List.of("admin", "nobody-here")) {
            for (int i = 0; i < 5; i++) {
                http.post("/api/login", JSON.writeValueAsString(Map.of(
                        "username", user, "password", "wrong password " + i, "code", "000000")));
            }
            HttpResponse<String> locked = http.post("/api/login", JSON.writeValueAsString(Map.of(
                    "username", user, "password", "wrong password x", "code", "000000")));
            assertEquals(401, locked.statusCode());
            JsonNode body = JSON.readTree(locked.body());
            assertEquals("LOCKED", body.get("error").asText(), user);
            assertTrue(body.get("until").asText().endsWith("Z"), locked.body());
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
