package dev.shomei.record.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.consolesecurity.RegisteredPcsFile;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.keys.IssuerKeySources;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import dev.shomei.record.users.RegisteredConsolePcs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clerk console on the backend's console port admits registered municipal PCs only; the JWKS stays public. */
class ClerkConsoleClientCertificateIT {
    @TempDir
    Path temp;

    @Test
    void anUnregisteredBrowserGetsARefusalPageNotTheLogin() throws Exception {
        DevPki pki = DevPki.ensure(temp.resolve("pki"));
        Path pcs = temp.resolve("console-pcs.txt");
        Files.writeString(pcs, "# registered ward PCs\nbunkyo-pc-1\n");
        try (RecordStore store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"))) {
            BackendServer server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                    pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                    Duration.ofMinutes(10), new RegisteredPcsFile(pcs)), store,
                    IssuerKeySources.dev(pki, "https://127.0.0.1:8411"), Clock.systemUTC(), ClerkConsole.create(store)::routing);
            try {
                int port = server.consolePort();
                HttpResponse<String> anonymous = get(pki, null, port, "/login");
                assertEquals(403, anonymous.statusCode());
                assertTrue(anonymous.body().contains("この端末からは利用できません"));
                assertFalse(anonymous.body().contains("password"), "no login form");

                assertEquals(403, get(pki, pki.terminal("KIOSK-0001"), port, "/login").statusCode(), "a kiosk is no ward PC");
                assertEquals(200, get(pki, pki.terminal("bunkyo-pc-1"), port, "/login").statusCode());
                assertEquals(200, get(pki, null, port, "/.well-known/jwks.json").statusCode(), "public keys stay public");

                Files.writeString(pcs, "# bunkyo-pc-1 withdrawn\n");
                Files.setLastModifiedTime(pcs, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
                assertEquals(403, get(pki, pki.terminal("bunkyo-pc-1"), port, "/login").statusCode(), "withdrawn at once");
            } finally {
                server.close();
            }
        }
    }

    @Test
    void twoBackendsOnOneDatabaseAdmitThePcsRegisteredThere() throws Exception {
        DevPki pki = DevPki.ensure(temp.resolve("pki"));
        String url = "jdbc:sqlite:" + temp.resolve("shared.db");
        try (RecordStore first = RecordStore.open(url, temp.resolve("keys.p12"));
             RecordStore second = RecordStore.open(url, temp.resolve("keys.p12"))) {
            RegisteredConsolePcs registry = new RegisteredConsolePcs(first.database(), first.audit(), Clock.systemUTC());
            List<BackendServer> servers = new java.util.ArrayList<>();
            try {
                for (RecordStore store : List.of(first, second)) {
                    servers.add(BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                            pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                            Duration.ofMinutes(10), new RegisteredConsolePcs(store.database(), store.audit(),
                            Clock.systemUTC())), store, IssuerKeySources.dev(pki, "https://127.0.0.1:8411"),
                            Clock.systemUTC(), ClerkConsole.create(store)::routing));
                }
                TlsIdentity pc = pki.terminal("bunkyo-pc-7");
                for (BackendServer server : servers) {
                    assertEquals(403, get(pki, pc, server.consolePort(), "/login").statusCode(), "not registered yet");
                }
                registry.register("bunkyo-pc-7", "installer");
                for (BackendServer server : servers) {
                    assertEquals(200, get(pki, pc, server.consolePort(), "/login").statusCode(), "registered once, both admit");
                }
                registry.unregister("bunkyo-pc-7", "installer");
                for (BackendServer server : servers) {
                    assertEquals(403, get(pki, pc, server.consolePort(), "/login").statusCode(), "withdrawn on both at once");
                }
            } finally {
                servers.forEach(BackendServer::close);
            }
        }
    }

    private static HttpResponse<String> get(DevPki pki, TlsIdentity client, int port, String path) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", pki.rootCaCertificate());
        TrustManagerFactory trustFactory = TrustManagerFactory.getInstance("PKIX");
        trustFactory.init(trust);
        KeyManagerFactory keyFactory = null;
        if (client != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("pc", client.privateKey(), new char[0], new java.security.cert.Certificate[] {client.certificate()});
            keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyFactory.init(keys, new char[0]);
        }
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keyFactory == null ? null : keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
