package dev.shomei.printing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.pki.TlsIdentity;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCliTest {
    @TempDir
    static Path dir;
    static PrintingFixtures fixtures;
    static CertificateRenderer renderer;
    static Path jwks;
    static Path csca;

    @BeforeAll
    static void setUp() throws Exception {
        renderer = new CertificateRenderer(PrintingFixtures.font());
        fixtures = new PrintingFixtures(dir.resolve("state/pki"));
        jwks = Files.writeString(dir.resolve("jwks.json"), fixtures.jwks().toJson());
        csca = fixtures.pki().vdsCscaPem();
    }

    record Run(int status, String out, String err) {
    }

    static Run verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("state"));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path pdf(String name, SignedCertificate certificate) throws Exception {
        return Files.write(dir.resolve(name), renderer.render(certificate));
    }

    @Test
    void aValidOverseasCertificateSaysWhatItCarries() throws Exception {
        Path file = pdf("overseas.pdf", fixtures.sign(CertificateFixtures.overseas(3)));
        Run run = verify(file.toString(), "--jwks", jwks.toString(), "--csca", csca.toString());
        assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("page 1: SMART Health Card"), run.out());
        assertTrue(run.out().contains("page 1: ICAO VDS-NC"), run.out());
        assertTrue(run.out().contains("name: 山田 太郎"), run.out());
        assertTrue(run.out().contains("name: YAMADA TARO"), run.out());
        assertTrue(run.out().contains("dose 3: 2021-09-29"), run.out());
        assertTrue(run.out().contains("passport number: TK0000000"), run.out());
        assertTrue(run.out().contains("2 QR code(s), 2 valid: VALID"), run.out());
    }

    @Test
    void aSmartHealthCardAlteredByOneCharacterIsInvalid() throws Exception {
        SignedCertificate good = fixtures.sign(CertificateFixtures.domestic(3));
        String jws = good.smartHealthCard();
        int middle = jws.indexOf('.') + 40; // inside the payload
        char c = jws.charAt(middle);
        String altered = jws.substring(0, middle) + (c == 'A' ? 'B' : 'A') + jws.substring(middle + 1);
        Path file = pdf("altered.pdf", new SignedCertificate(good.content(), altered, null));
        Run run = verify(file.toString(), "--jwks", jwks.toString(), "--csca", csca.toString());
        assertEquals(VerifyCli.INVALID, run.status());
        assertTrue(run.out().contains("INVALID: signature does not verify"), run.out());
        assertTrue(run.out().endsWith("1 QR code(s), 0 valid: INVALID" + System.lineSeparator()), run.out());
    }

    @Test
    void anAlteredSealIsInvalidWhileTheOtherCodeStaysValid() throws Exception {
        SignedCertificate good = fixtures.sign(CertificateFixtures.overseas(2));
        String altered = good.vdsNc().replace("\"lot\":\"FB2345\"", "\"lot\":\"FB2346\"");
        Path file = pdf("altered-seal.pdf", new SignedCertificate(good.content(), good.smartHealthCard(), altered));
        Run run = verify(file.toString(), "--jwks", jwks.toString(), "--csca", csca.toString());
        assertEquals(VerifyCli.INVALID, run.status());
        assertTrue(run.out().contains("2 QR code(s), 1 valid: INVALID"), run.out());
    }

    @Test
    void defaultTrustIsTheDevPkiOfTheStateDirectory() throws Exception {
        Path file = pdf("default.pdf", fixtures.sign(CertificateFixtures.overseas(1)));
        Run run = verify(file.toString());
        assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
        // a key the dev PKI does not know
        PrintingFixtures stranger = new PrintingFixtures(dir.resolve("stranger"));
        Path foreign = pdf("foreign.pdf", stranger.sign(CertificateFixtures.overseas(1)));
        Run refused = verify(foreign.toString());
        assertEquals(VerifyCli.INVALID, refused.status());
        assertTrue(refused.out().contains("is not trusted"), refused.out());
        assertTrue(refused.out().contains("barcode signer is not issued by a trusted CSCA"), refused.out());
    }

    @Test
    void fetchesTheJwksOverHttpsTrustingOnlyTheGivenCa() throws Exception {
        DevPki pki = fixtures.pki();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(pki.backendServer())));
        byte[] body = fixtures.jwks().toJson().getBytes(StandardCharsets.UTF_8);
        server.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "https://localhost:" + server.getAddress().getPort() + "/.well-known/jwks.json";
            Path file = pdf("https.pdf", fixtures.sign(CertificateFixtures.domestic(2)));
            Run run = verify(file.toString(), "--jwks", url, "--ca", pki.rootCaPem().toString(), "--csca",
                    csca.toString());
            assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
            // without the dev CA the system trust store applies, and the server is not trusted
            Run untrusted = verify(file.toString(), "--jwks", url, "--csca", csca.toString());
            assertEquals(VerifyCli.USAGE, untrusted.status(), untrusted.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(VerifyCli.USAGE, verify().status());
        assertEquals(VerifyCli.USAGE, verify(dir.resolve("missing.pdf").toString()).status());
        assertEquals(VerifyCli.USAGE, verify("a.pdf", "--jwks").status());
    }

    @Test
    void helpIsNotAnError() {
        Run help = verify("--help");
        assertEquals(VerifyCli.VALID, help.status());
        assertTrue(help.out().startsWith("usage: shomei verify"), help.out());
        assertEquals("", help.err());
    }

    @Test
    void aFileWithoutQrCodesIsInvalid() throws Exception {
        Path file = pdf("no-qr.pdf", new SignedCertificate(
                variant(CertificateFixtures.domestic(1)), null, null));
        Run run = verify(file.toString(), "--jwks", jwks.toString(), "--csca", csca.toString());
        assertEquals(VerifyCli.INVALID, run.status());
        assertTrue(run.out().contains("no QR code found"), run.out());
    }

    static CertificateContent variant(CertificateContent content) {
        Person person = content.person();
        return new CertificateContent(content.certificateId(), content.type(),
                new Person(person.familyName(), person.givenName(), person.birthDate(), true),
                content.passport(), content.doses(), content.authority(), content.issueDate());
    }

    static SSLContext serverContext(TlsIdentity identity) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "changeit".toCharArray();
        store.setKeyEntry("server", identity.privateKey(), password, new Certificate[] {identity.certificate()});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

}
