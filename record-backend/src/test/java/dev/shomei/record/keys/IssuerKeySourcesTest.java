package dev.shomei.record.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.IssuingAuthority;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.EcJwk;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Production keys come from a PKCS#12 key store: shc-<n> entries and the vds-signer. */
class IssuerKeySourcesTest {
    @TempDir
    Path temp;

    @Test
    void keysFromAKeyStoreSignAndTheNewestShcKeyLeads() throws Exception {
        DevPki pki = DevPki.ensure(temp.resolve("pki"));
        char[] password = "test-password".toCharArray();
        KeyPair older = ecKeyPair();
        KeyPair newer = ecKeyPair();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("shc-1", older.getPrivate(), password, new X509Certificate[] {selfSigned(older)});
        store.setKeyEntry("shc-2", newer.getPrivate(), password, new X509Certificate[] {selfSigned(newer)});
        store.setKeyEntry(IssuerKeySources.VDS_ALIAS, pki.vdsSigner().privateKey(), password,
                new X509Certificate[] {pki.vdsSigner().certificate(), pki.vdsCscaCertificate()});
        Path file = temp.resolve("issuer.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }

        IssuerKeys keys = IssuerKeySources.keyStore(file, password, "https://vrs.example.jp");
        assertEquals(2, keys.shc().size());
        assertEquals(EcJwk.of(newer.getPublic()).kid(), keys.shc().current().kid());
        assertEquals(List.of(EcJwk.of(newer.getPublic()).kid(), EcJwk.of(older.getPublic()).kid()),
                keys.shc().jwks().keys().stream().map(EcJwk::kid).toList());

        var product = VaccineCatalog.standard().byCode("spikevax").orElseThrow();
        CertificateContent content = new CertificateContent("13105ABCDEFG", CertificateType.OVERSEAS,
                new Person("番号", "花子", LocalDate.of(1985, 4, 1)), new Passport("BANGO", "HANAKO", "JPN", "TK1234567"),
                List.of(new Dose(1, LocalDate.of(2021, 6, 1), product, "3003322")),
                new IssuingAuthority("131059", "文京区長", "Mayor of Bunkyo City"), LocalDate.now());
        SignedCertificate signed = keys.signer().sign(content, Instant.now());
        var card = new SmartHealthCardVerifier(keys.shc().jwks()).verify(signed.smartHealthCard());
        assertEquals("https://vrs.example.jp", card.issuer());
        assertEquals(keys.shc().current().kid(), card.kid());
        assertNotNull(new VdsNcVerifier(List.of(pki.vdsCscaCertificate())).verify(signed.vdsNc()));
        assertTrue(keys.vds().isPresent());
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=shomei SHC issuer key");
        Date now = new Date();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()), now,
                new Date(now.getTime() + 86_400_000L), name, keys.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
