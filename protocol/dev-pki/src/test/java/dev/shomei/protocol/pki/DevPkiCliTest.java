package dev.shomei.protocol.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiCliTest {
    @TempDir
    Path state;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return DevPkiCli.run(args, state, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void makesTheDevPkiWithTheDemoTerminalsCertificates() throws Exception {
        assertEquals(0, run());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("dev PKI ready in"));
        KeyDirectory keys = KeyDirectory.open(state.resolve("pki"));
        for (String id : DevPki.DEMO_TERMINALS) {
            var issued = keys.terminal(id).certificate();
            assertTrue(issued.getSubjectX500Principal().getName().contains("CN=" + id));
            issued.verify(keys.rootCaCertificate().getPublicKey());
        }
    }

    @Test
    void makesANewTerminalsClientCertificateSignedByTheDevCa() throws Exception {
        assertEquals(0, run("--terminal", "K0105"));
        Path certificate = state.resolve("pki/terminals/K0105.crt");
        assertTrue(Files.isRegularFile(certificate), out.toString(StandardCharsets.UTF_8));
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        var issued = pki.terminal("K0105").certificate();
        assertTrue(issued.getSubjectX500Principal().getName().contains("CN=K0105"));
        issued.verify(pki.rootCaCertificate().getPublicKey());
    }

    @Test
    void helpMakesNoKeys() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("sign", "-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("shomei pki sign --csr FILE"));
        assertTrue(Files.notExists(state.resolve("pki")));
    }

    @Test
    void aBadTerminalIdOrUsageIsRefusedWithTwo() {
        assertEquals(2, run("--terminal", "../K1"));
        assertEquals(2, run("--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
