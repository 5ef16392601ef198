package dev.shomei.center.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.backend.MutualTls;
import dev.shomei.consolesecurity.RegisteredClients;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registered PCs only: a browser without a registered client certificate gets a refusal page, never the login. */
class ConsoleClientCertificateIT {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @Test
    void onlyARegisteredPcGetsTheLoginPage() throws Exception {
        ConsolePcs pcs = new ConsolePcs(dir.resolve("console-pcs.json"));
        pcs.register("ward-pc-1");
        try (ConsoleFixture fixture = new ConsoleFixture(dir, pki, null,
                new RegisteredClients(true, pcs::ids), List.of(pki.rootCaCertificate()))) {
            int port = fixture.server.port();
            HttpResponse<String> anonymous = get(port, null, "/login");
            assertEquals(403, anonymous.statusCode());
            assertTrue(anonymous.body().contains("この端末からは利用できません"), anonymous.body());
            assertFalse(anonymous.body().contains("password"), "no login form");
            assertEquals(403, get(port, null, "/api/me").statusCode());

            HttpResponse<String> kiosk = get(port, pki.terminal("K0001"), "/login"); // a valid certificate, not a console PC
            assertEquals(403, kiosk.statusCode());

            HttpResponse<String> registered = get(port, pki.terminal("ward-pc-1"), "/login");
            assertEquals(200, registered.statusCode());
            assertTrue(registered.body().contains("login"), "the login page");

            assertEquals(200, get(port, null, "/observe/health").statusCode(), "monitoring needs no PC certificate");
        }
    }

    private static HttpResponse<String> get(int port, TlsIdentity client, String path) throws Exception {
        SSLContext tls = client == null ? dev.shomei.center.testing.Https.trusting(pki)
                : MutualTls.context(client.privateKey(), List.of(client.certificate()), List.of(pki.rootCaCertificate()));
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
