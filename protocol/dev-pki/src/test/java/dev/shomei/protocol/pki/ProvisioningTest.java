package dev.shomei.protocol.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk's key is made on the kiosk, signed elsewhere, and its key directory never holds a CA key. */
class ProvisioningTest {
    @TempDir
    Path dir;

    @Test
    void aTerminalCsrSignedByTheCaMakesAKeyDirectoryWithoutCaKey() throws Exception {
        DevPki ca = DevPki.ensure(dir.resolve("ca"));
        Path kiosk = dir.resolve("kiosk");
        Files.createDirectories(kiosk.resolve("terminals"));
        Files.copy(ca.rootCaPem(), kiosk.resolve("ca.crt"));

        Path csr = Provisioning.csr(kiosk.resolve("terminals"), "K0105", "CN=K0105,OU=kiosk terminal,O=shomei");
        X509Certificate signed = Provisioning.sign(csr, ca.dir(), Provisioning.Profile.TERMINAL, Duration.ofDays(90),
                kiosk.resolve("terminals/K0105.crt"));

        TlsIdentity identity = KeyDirectory.open(kiosk).terminal("K0105");
        assertEquals(signed, identity.certificate());
        signed.verify(ca.rootCaCertificate().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), signed.getExtendedKeyUsage());
        assertTrue(signed.getNotAfter().toInstant().isBefore(Instant.now().plus(Duration.ofDays(91))));
        assertTrue(CaKeyGuard.caPrivateKeys(kiosk).isEmpty());
        CaKeyGuard.refuseCaKeys(kiosk);
        assertThrows(IllegalStateException.class, () -> Provisioning.csr(kiosk.resolve("terminals"), "K0105", "CN=K0105"));
    }

    @Test
    void aVdsNcSignerCsrIsSignedByTheCscaWithTheIcaoExtensions() throws Exception {
        DevPki ca = DevPki.ensure(dir.resolve("ca"));
        Path backend = dir.resolve("backend");
        Path csr = Provisioning.csr(backend, "signer", "CN=shomei VDS-NC signer 2,O=Bunkyo City,C=JP");
        assertEquals(0, ProvisioningCli.run(new String[] {"sign", "--csr", csr.toString(), "--ca",
                ca.dir().resolve("vds").toString(), "--profile", "vds-signer", "--out", backend.resolve("signer.crt").toString()},
                System.out, System.err));
        X509Certificate signed = Pem.readCertificate(backend.resolve("signer.crt"));
        signed.verify(ca.vdsCscaCertificate().getPublicKey());
        assertEquals(List.of("2.23.136.1.1.14.2"), signed.getExtendedKeyUsage(), "the ICAO VDS-NC signer purpose");
        assertTrue(signed.getKeyUsage()[0], "digitalSignature");
        assertEquals(-1, signed.getBasicConstraints(), "no CA");
    }

    @Test
    void theGuardFindsEveryCaKeyOfTheDevPki() throws Exception {
        DevPki pki = DevPki.ensure(dir.resolve("pki"));
        List<String> found = CaKeyGuard.caPrivateKeys(pki.dir()).stream()
                .map(p -> pki.dir().relativize(p).toString()).toList();
        assertEquals(List.of("ca.key", "jlis-dev.key", "vds/csca.key"), found);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> CaKeyGuard.refuseCaKeys(pki.dir()));
        assertTrue(refused.getMessage().contains("ca.key"));

        Path renamed = dir.resolve("renamed");
        Files.createDirectories(renamed);
        Files.copy(pki.dir().resolve("ca.crt"), renamed.resolve("root.crt"));
        Files.copy(pki.dir().resolve("ca.key"), renamed.resolve("root.key"));
        assertFalse(CaKeyGuard.caPrivateKeys(renamed).isEmpty(), "a CA key under another name is found by its certificate");
    }

    @Test
    void aTamperedRequestIsNotSigned() throws Exception {
        DevPki ca = DevPki.ensure(dir.resolve("ca"));
        Path csr = Provisioning.csr(dir, "x", "CN=K0001");
        String text = Files.readString(csr);
        int middle = text.indexOf('\n', 40) + 10;
        char flipped = text.charAt(middle) == 'A' ? 'B' : 'A';
        Files.writeString(csr, text.substring(0, middle) + flipped + text.substring(middle + 1));
        assertThrows(RuntimeException.class, () -> Provisioning.sign(csr, ca.dir(), Provisioning.Profile.TERMINAL,
                Duration.ofDays(90), dir.resolve("x.crt")));
        assertFalse(Files.exists(dir.resolve("x.crt")));
    }
}
