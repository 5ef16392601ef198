package dev.shomei.center.console;

import dev.shomei.center.testing.Https;
import dev.shomei.consolesecurity.testing.ConsoleContract;
import dev.shomei.protocol.pki.DevPki;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared console suite against the operator console. */
class OperatorConsoleContractIT extends ConsoleContract {
    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;
    ConsoleFixture console;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() {
        console = new ConsoleFixture(dir, pki);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Override
    protected int port() {
        return console.server.port();
    }

    @Override
    protected SSLContext tls() {
        return Https.trusting(pki);
    }

    @Override
    protected List<String> postRoutes() {
        return List.of("/api/login", "/api/logout", "/api/terminals/K0001/disable", "/api/operators", "/api/maintenance");
    }
}
