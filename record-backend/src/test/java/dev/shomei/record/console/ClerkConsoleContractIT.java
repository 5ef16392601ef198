package dev.shomei.record.console;

import dev.shomei.consolesecurity.testing.ConsoleContract;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.keys.IssuerKeySources;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared console suite against the clerk console, served by the real backend server. */
class ClerkConsoleContractIT extends ConsoleContract {
    @TempDir
    Path temp;
    DevPki pki;
    RecordStore store;
    BackendServer server;

    @BeforeEach
    void start() {
        pki = DevPki.ensure(temp.resolve("pki"));
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(10)), store, IssuerKeySources.dev(pki, "https://127.0.0.1:8411"), Clock.systemUTC(),
                ClerkConsole.create(store)::routing);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Override
    protected int port() {
        return server.consolePort();
    }

    @Override
    protected SSLContext tls() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", pki.rootCaCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected List<String> postRoutes() {
        return List.of("/login", "/logout", "/residents", "/issuances", "/export", "/users", "/audit/verify",
                "/residents/00000000-0000-0000-0000-000000000000/issue", "/counter/13105AAAAAAA/handed-out");
    }
}
