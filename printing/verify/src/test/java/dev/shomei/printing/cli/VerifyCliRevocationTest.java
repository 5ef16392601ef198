package dev.shomei.printing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.shomei.printing.pdf.CertificateRenderer;
import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.RevocationIds;
import dev.shomei.protocol.shc.ShcRevocationList;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.sign.CertificateSigner;
import dev.shomei.protocol.vds.VdsNcRevocationList;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./shomei verify} with revocation: REVOKED (exit 3), not revoked, and "not checked" when the lists cannot be read. */
class VerifyCliRevocationTest {
    private static final byte[] SECRET = new byte[32];
    @TempDir
    static Path dir;
    static DevPki pki;
    static EcShcSigner shcKey;
    static VdsNcSealer sealer;
    static CertificateSigner signer;
    static CertificateRenderer renderer;
    static Path jwks;
    static Path csca;
    static Path revokedPdf;
    static String rid;
    static CertificateContent content = CertificateFixtures.overseas(2);

    @BeforeAll
    static void setUp() throws Exception {
        renderer = new CertificateRenderer(PrintingFixtures.font());
        pki = DevPki.ensure(dir.resolve("state/pki"));
        shcKey = new EcShcSigner(pki.shcIssuerKey());
        sealer = new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate());
        RevocationIds ids = new RevocationIds(SECRET);
        signer = new CertificateSigner(new SmartHealthCardIssuer(PrintingFixtures.ISSUER, shcKey, ids), sealer);
        jwks = Files.writeString(dir.resolve("jwks.json"), Jwks.of(shcKey.jwk()).toJson());
        csca = pki.vdsCscaPem();
        SignedCertificate signed = signer.sign(content, Instant.now().minusSeconds(60));
        revokedPdf = Files.write(dir.resolve("revoked.pdf"), renderer.render(signed));
        rid = ids.of(content.certificateId());
    }

    static VerifyCliTest.Run verify(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = VerifyCli.run(args, new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), dir.resolve("state"));
        return new VerifyCliTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path shcList(String name, List<String> rids) throws Exception {
        ShcRevocationList list = ShcRevocationList.empty(shcKey.kid());
        for (String entry : rids) {
            list = list.plus(entry);
        }
        return Files.writeString(dir.resolve(name), list.toJson());
    }

    private static Path vdsList(String name, List<String> revoked) throws Exception {
        return Files.writeString(dir.resolve(name), new VdsNcRevocationList(revoked.size(), Instant.now(), revoked).sign(sealer));
    }

    @Test
    void aCertificateOnTheListsIsRevokedWithItsOwnExitStatus() throws Exception {
        VerifyCliTest.Run run = verify(revokedPdf.toString(), "--jwks", jwks.toString(), "--csca", csca.toString(),
                "--crl", shcList("crl.json", List.of("AAAAAAAAAAA", rid)).toString(),
                "--vds-revoked", vdsList("revoked.json", List.of(content.certificateId())).toString());
        assertEquals(VerifyCli.REVOKED, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("REVOKED: revocation id " + rid + " is on the list of issuer key " + shcKey.kid()), run.out());
        assertTrue(run.out().contains("REVOKED: certificate " + content.certificateId() + " is on the signed VDS-NC revocation list"),
                run.out());
        assertTrue(run.out().contains("2 QR code(s), 2 valid, 2 revoked: REVOKED"), run.out());
        assertTrue(VerifyCli.REVOKED != VerifyCli.INVALID && VerifyCli.REVOKED != VerifyCli.USAGE);
    }

    @Test
    void aCertificateNotOnTheListsIsValidAndSaysSo() throws Exception {
        VerifyCliTest.Run run = verify(revokedPdf.toString(), "--jwks", jwks.toString(), "--csca", csca.toString(),
                "--crl", shcList("other-crl.json", List.of("AAAAAAAAAAA")).toString(),
                "--vds-revoked", vdsList("other-revoked.json", List.of("JP0000000009")).toString());
        assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("revocation: not revoked (list ctr 1 from"), run.out());
        assertTrue(run.out().contains("revocation: not revoked (signed list ctr 1 from"), run.out());
    }

    @Test
    void aTamperedVdsListIsNotBelievedAndSaysNotChecked() throws Exception {
        Path list = vdsList("tampered.json", List.of("JP0000000009"));
        Files.writeString(list, Files.readString(list).replace("JP0000000009", content.certificateId()));
        VerifyCliTest.Run run = verify(revokedPdf.toString(), "--jwks", jwks.toString(), "--csca", csca.toString(),
                "--vds-revoked", list.toString());
        assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("revocation: not checked (the list from " + list + " was refused: signature does not verify)"),
                run.out());
        assertTrue(run.out().contains("revocation: not checked (no revocation list given for issuer key"), run.out());
    }

    @Test
    void withoutAnyListRevocationIsNotChecked() {
        VerifyCliTest.Run run = verify(revokedPdf.toString(), "--jwks", jwks.toString(), "--csca", csca.toString());
        assertEquals(VerifyCli.VALID, run.status());
        assertTrue(run.out().contains("revocation: not checked (no --trust endpoint or revocation list given)"), run.out());
    }

    @Test
    void anUnreachableEndpointSaysNotCheckedAndKeepsTheVerdict() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String trust = "https://127.0.0.1:" + closed;
        VerifyCliTest.Run run = verify(revokedPdf.toString(), "--jwks", jwks.toString(), "--csca", csca.toString(),
                "--trust", trust, "--ca", pki.rootCaPem().toString());
        assertEquals(VerifyCli.VALID, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("revocation: not checked (could not reach " + trust + "/.well-known/crl/" + shcKey.kid()
                + ".json"), run.out());
        assertTrue(run.out().contains("revocation: not checked (could not reach " + trust + "/trust/vds-nc/revoked.json"), run.out());
    }

    @Test
    void theTrustEndpointGivesKeysAndListsOverHttps() throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(VerifyCliTest.serverContext(pki.backendServer())));
        Map<String, String> documents = Map.of(
                "/.well-known/jwks.json", Jwks.of(shcKey.jwk()).toJson(Map.of(shcKey.kid(), 1L)),
                "/.well-known/crl/" + shcKey.kid() + ".json", ShcRevocationList.empty(shcKey.kid()).plus(rid).toJson(),
                "/trust/vds-nc/revoked.json", new VdsNcRevocationList(1, Instant.now(), List.of(content.certificateId())).sign(sealer));
        documents.forEach((path, body) -> server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals(path) ? 200 : 404, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }));
        server.start();
        try {
            String trust = "https://localhost:" + server.getAddress().getPort();
            VerifyCliTest.Run run = verify(revokedPdf.toString(), "--trust", trust, "--ca", pki.rootCaPem().toString(),
                    "--csca", csca.toString());
            assertEquals(VerifyCli.REVOKED, run.status(), run.out() + run.err());
            assertTrue(run.out().contains("signature verified with issuer key " + shcKey.kid()), "JWKS from the endpoint");
            assertTrue(run.out().contains("2 revoked: REVOKED"), run.out());
            assertFalse(run.out().contains("not checked"), run.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void trustAndListFilesExcludeEachOther() {
        assertEquals(VerifyCli.USAGE, verify(revokedPdf.toString(), "--trust", "https://127.0.0.1:8412", "--crl", "x.json").status());
        assertEquals(VerifyCli.USAGE, verify(revokedPdf.toString(), "--trust", "127.0.0.1:8412").status());
    }
}
