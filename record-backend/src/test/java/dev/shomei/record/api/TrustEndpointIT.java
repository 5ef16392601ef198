package dev.shomei.record.api;

import static dev.shomei.record.testing.TestData.BUNKYO;
import static dev.shomei.record.testing.TestData.TAKATSUKASA_MY_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.cert.StrictJson;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.Pem;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.ShcRevocationList;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcRevocationList;
import dev.shomei.protocol.vds.VdsNcVerifier;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.revoke.TrustDocuments;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.testing.TlsClients;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public trust endpoint (8412) as a verifier mirrors it: no client certificate, CORS open,
 * caching headers and 304, the lists changing when a certificate is voided; the clerk console
 * beside it refuses browsers without a registered-PC certificate.
 */
class TrustEndpointIT {
    @TempDir
    static Path temp;
    static DevPki pki;
    static RecordStore store;
    static IssuerKeys keys;
    static BackendServer server;
    static HttpClient center;
    static HttpClient anyone;
    static String api;
    static String trust;

    @BeforeAll
    static void start() throws Exception {
        pki = DevPki.ensure(temp.resolve("pki"));
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "test"));
        store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, BUNKYO);
            var resident = TestData.takatsukasa(BUNKYO);
            new ResidentRepository().insert(tx, tenant, resident, TAKATSUKASA_MY_NUMBER);
            new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(2));
            return null;
        });
        keys = IssuerKeySources.dev(pki, "https://127.0.0.1:8412");
        server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Set::of, 0), store, keys, Clock.systemUTC(), rules -> { });
        center = TlsClients.client(pki.centerClient(), pki.rootCaCertificate());
        anyone = TlsClients.client(null, pki.rootCaCertificate());
        api = "https://127.0.0.1:" + server.apiPort();
        trust = "https://127.0.0.1:" + server.publicPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static HttpResponse<String> get(String url, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return anyone.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPortInUseStopsTheBackendAndFreesThePortsItHadBound() throws Exception {
        int publicPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            publicPort = probe.getLocalPort();
        }
        BackendServer.Settings clash = new BackendServer.Settings("127.0.0.1", server.apiPort(), 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(10), Set::of, publicPort);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BackendServer.start(clash, store, keys, Clock.systemUTC(), rules -> { }));
        assertTrue(refused.getMessage().contains("api port " + server.apiPort()), refused.getMessage());
        // the public socket, bound before the API's failed, was closed again
        try (java.net.ServerSocket again = new java.net.ServerSocket(publicPort, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(publicPort, again.getLocalPort());
        }
    }

    @Test
    void everyDocumentIsPublicCacheableAndAnswers304WhenUnchanged() throws Exception {
        String kid = keys.shc().current().kid();
        for (String path : List.of(BackendApi.JWKS, TrustRoutes.CRL_PREFIX + kid + ".json", TrustRoutes.CSCA,
                TrustRoutes.SIGNERS, TrustRoutes.VDS_REVOKED)) {
            HttpResponse<String> first = get(trust + path, null);
            assertEquals(200, first.statusCode(), path);
            assertEquals("*", first.headers().firstValue("Access-Control-Allow-Origin").orElse(""), path);
            assertTrue(first.headers().firstValue("Cache-Control").orElse("").matches("public, max-age=\\d+"), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("\"[A-Za-z0-9_-]{22}\""), etag);
            HttpResponse<String> again = get(trust + path, etag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
            assertEquals(200, get(trust + path, "\"something-else\"").statusCode(), path);
        }
        assertEquals(pki.vdsCscaCertificate(), Pem.readCertificates(Files.writeString(temp.resolve("csca.pem"),
                get(trust + TrustRoutes.CSCA, null).body())).getFirst());
        assertEquals(List.of(pki.vdsSigner().certificate()), Pem.readCertificates(Files.writeString(temp.resolve("signers.pem"),
                get(trust + TrustRoutes.SIGNERS, null).body())));
        assertEquals(404, get(trust + TrustRoutes.CRL_PREFIX + "no-such-kid.json", null).statusCode());
        assertEquals(404, get(trust + TrustRoutes.CRL_PREFIX + "..%2F..%2Fetc.json", null).statusCode());
    }

    @Test
    void aVoidChangesTheListsTheirEtagsAndTheJwksCrlVersion() throws Exception {
        String issueJson = BackendJson.writeString(TestData.request("trust-1", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.OVERSEAS));
        IssuanceResponse issued = BackendJson.read(TlsClients.post(center, api + BackendApi.ISSUANCES, issueJson).body(),
                IssuanceResponse.class);
        HealthCard card = new SmartHealthCardVerifier(keys.shc().jwks()).verify(issued.certificate().smartHealthCard());
        String crlUrl = trust + TrustRoutes.CRL_PREFIX + card.kid() + ".json";
        HttpResponse<String> before = get(crlUrl, null);
        HttpResponse<String> vdsBefore = get(trust + TrustRoutes.VDS_REVOKED, null);

        HttpResponse<String> voided = TlsClients.post(center, api + BackendApi.ISSUANCE_STATUS, BackendJson.writeString(
                new StatusUpdate(BUNKYO.value(), "trust-1", IssuanceStatus.VOIDED, "PRINTER_FAILED", "KIOSK-0001")));
        assertEquals(200, voided.statusCode(), voided.body());

        HttpResponse<String> after = get(crlUrl, before.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, after.statusCode(), "the old ETag no longer matches");
        ShcRevocationList list = ShcRevocationList.parse(after.body(), card.kid());
        assertTrue(list.revokes(card.rid(), card.notBefore()));
        list.requireNotOlderThan(ShcRevocationList.parse(before.body(), card.kid()));
        HttpResponse<String> vdsAfter = get(trust + TrustRoutes.VDS_REVOKED, vdsBefore.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, vdsAfter.statusCode());
        VdsNcRevocationList vds = VdsNcRevocationList.verify(vdsAfter.body(), new VdsNcVerifier(List.of(pki.vdsCscaCertificate())));
        assertTrue(vds.revokes(issued.certificateId()));
        var jwksKey = StrictJson.parse(get(trust + BackendApi.JWKS, null).body(), "jwks").get("keys").get(0);
        assertEquals(list.ctr(), jwksKey.get("crlVersion").asLong());
        HttpResponse<String> consoleJwks = TlsClients.get(anyone, "https://127.0.0.1:" + server.consolePort() + BackendApi.JWKS);
        assertEquals(200, consoleJwks.statusCode(), "the old JWKS on the console port still answers without a certificate");
        assertTrue(consoleJwks.body().contains("\"crlVersion\""));
    }

    @Test
    void theBackendServesTheVerifierWebModulesPage() throws Exception {
        HttpResponse<String> page = get(trust + TrustRoutes.VERIFIER, null);
        assertEquals(200, page.statusCode(), "verifier-web is on the backend's class path");
        assertTrue(page.body().contains("lib/jsqr/jsQR.js"), "the real page, with its QR library");
        assertEquals(301, anyone.send(HttpRequest.newBuilder(URI.create(trust + "/verify")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void theVerifierFolderIs404WhenNoModuleProvidesIt() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new java.net.URL[0], null)) {
            TrustRoutes routes = new TrustRoutes(new TrustDocuments(store.database(), keys, Clock.systemUTC()), empty);
            WebServer web = WebServer.builder().host("127.0.0.1").port(0).routing(routes::routing).shutdownHook(false).build().start();
            try (HttpClient plain = HttpClient.newHttpClient()) {
                assertEquals(404, plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + "/verify/"))
                        .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            } finally {
                web.stop();
            }
        }
    }

    @Test
    void theVerifierFolderIsServedFromTheClassPath() throws Exception {
        Path root = temp.resolve("web-classes");
        Path folder = Files.createDirectories(root.resolve(TrustRoutes.VERIFIER_RESOURCES));
        Files.writeString(folder.resolve("index.html"), "<!doctype html><title>verifier</title>");
        Files.createDirectories(folder.resolve("lib"));
        Files.writeString(folder.resolve("lib/app.js"), "export const ok = 1;");
        Files.writeString(root.resolve("secret.txt"), "outside the folder");
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null)) {
            TrustRoutes routes = new TrustRoutes(new TrustDocuments(store.database(), keys, Clock.systemUTC()), loader);
            WebServer web = WebServer.builder().host("127.0.0.1").port(0).routing(routes::routing).shutdownHook(false).build().start();
            try (HttpClient plain = HttpClient.newHttpClient()) {
                String base = "http://127.0.0.1:" + web.port();
                HttpResponse<String> index = plain.send(HttpRequest.newBuilder(URI.create(base + "/verify/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, index.statusCode());
                assertTrue(index.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
                assertTrue(index.body().contains("verifier"));
                HttpResponse<String> script = plain.send(HttpRequest.newBuilder(URI.create(base + "/verify/lib/app.js")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, script.statusCode());
                assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
                String etag = script.headers().firstValue("ETag").orElseThrow();
                assertEquals(304, plain.send(HttpRequest.newBuilder(URI.create(base + "/verify/lib/app.js"))
                        .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                for (String escape : List.of("/verify/../secret.txt", "/verify/%2e%2e/secret.txt", "/verify/lib/../../secret.txt")) {
                    HttpResponse<String> refused = plain.send(HttpRequest.newBuilder(URI.create(base + escape)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertFalse(refused.body().contains("outside the folder"), escape);
                    assertNotEquals(200, refused.statusCode(), escape);
                }
            } finally {
                web.stop();
            }
        }
    }

    @Test
    void theConsoleNeedsARegisteredPcButThePublicEndpointNeedsNoCertificate() throws Exception {
        assertEquals(200, get(trust + BackendApi.JWKS, null).statusCode());
        HttpResponse<String> console = TlsClients.get(anyone, "https://127.0.0.1:" + server.consolePort() + "/");
        assertNotEquals(200, console.statusCode(), "no console page for a browser without a registered-PC certificate");
        assertThrows(IOException.class, () -> TlsClients.get(anyone, api + BackendApi.MUNICIPALITIES));
    }
}
