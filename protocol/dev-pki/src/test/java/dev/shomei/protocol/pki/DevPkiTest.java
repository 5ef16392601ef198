package dev.shomei.protocol.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevPkiTest {

    @TempDir
    Path dir;

    @Test
    void everyLeafChainsToTheRootAndKeysAreOwnerOnly() throws Exception {
        DevPki pki = DevPki.ensure(dir);
        X509Certificate root = pki.rootCaCertificate();
        for (TlsIdentity leaf : List.of(pki.centerServer(), pki.backendServer(), pki.centerClient(), pki.terminal("K0001"))) {
            leaf.certificate().verify(root.getPublicKey());
            leaf.certificate().checkValidity();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(leaf.privateKeyPem())));
        }
        assertEquals("CN=K0001,OU=kiosk terminal,O=shomei dev",
                pki.terminal("K0001").certificate().getSubjectX500Principal().getName());
        assertTrue(pki.centerServer().certificate().getSubjectAlternativeNames().stream()
                .anyMatch(name -> name.get(1).equals("127.0.0.1")));
        assertTrue(pki.centerClient().certificate().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2"));
    }

    @Test
    void secondRunReusesEverything() {
        DevPki first = DevPki.ensure(dir);
        String before = first.terminal("K0002").certificate().getSerialNumber().toString();
        DevPki second = DevPki.ensure(dir);
        assertEquals(first.rootCaCertificate(), second.rootCaCertificate());
        assertEquals(before, second.terminal("K0002").certificate().getSerialNumber().toString());
        assertArrayEquals(first.jlisDevKey().getPublic().getEncoded(), second.jlisDevKey().getPublic().getEncoded());
        assertArrayEquals(first.shcIssuerKey().getPrivate().getEncoded(), second.shcIssuerKey().getPrivate().getEncoded());
    }

    @Test
    void twoDirectoriesAreTwoUnrelatedCas(@TempDir Path other) {
        X509Certificate a = DevPki.ensure(dir).rootCaCertificate();
        X509Certificate b = DevPki.ensure(other).rootCaCertificate();
        assertNotEquals(a.getPublicKey(), b.getPublicKey());
    }

    @Test
    void jlisKeyIsRsa2048AndSigns() throws Exception {
        var keys = DevPki.ensure(dir).jlisDevKey();
        assertEquals(2048, ((RSAPublicKey) keys.getPublic()).getModulus().bitLength());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        byte[] data = "card".getBytes(StandardCharsets.US_ASCII);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(keys.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void barcodeSignerCarriesTheIcaoExtensions() throws Exception {
        DevPki pki = DevPki.ensure(dir);
        X509Certificate signer = pki.vdsSigner().certificate();
        signer.verify(pki.vdsCscaCertificate().getPublicKey());
        assertTrue(signer.getCriticalExtensionOIDs().contains("2.5.29.15"), "key usage critical");
        assertTrue(signer.getKeyUsage()[0], "digitalSignature");
        assertTrue(signer.getCriticalExtensionOIDs().contains("2.5.29.37"), "EKU critical");
        assertEquals(List.of("2.23.136.1.1.14.2"), signer.getExtendedKeyUsage());
        byte[] documentTypes = DEROctetString.getInstance(signer.getExtensionValue("2.23.136.1.1.6.2")).getOctets();
        ASN1Sequence sequence = ASN1Sequence.getInstance(documentTypes);
        assertEquals("[0, [NV]]", sequence.toString());
    }

    @Test
    void hostileTerminalIdsAreRefused() {
        DevPki pki = DevPki.ensure(dir);
        for (String id : new String[] {"", "../ca", "a/b", "K 1", "x".repeat(33), null}) {
            assertThrows(IllegalArgumentException.class, () -> pki.terminal(id), String.valueOf(id));
        }
    }
}
