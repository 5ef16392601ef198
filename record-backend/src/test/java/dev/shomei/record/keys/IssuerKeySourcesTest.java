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
        byte[] newerSecret = new byte[32];
        newerSecret[0] = 2;
        for (String alias : List.of("shc-1", "shc-2")) {
            byte[] secret = alias.equals("shc-2") ? newerSecret : new byte[32];
            store.setEntry(alias + RevocationSecrets.ALIAS_SUFFIX,
                    new KeyStore.SecretKeyEntry(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256")),
                    new KeyStore.PasswordProtection(password));
        }
        store.setKeyEntry(IssuerKeySources.VDS_ALIAS, pki.vdsSigner().privateKey(), password,
                new X509Certificate[] {pki.vdsSigner().certificate(), pki.vdsCscaCertificate()});
        X509Certificate retired = selfSigned(ecKeyPair());
        store.setCertificateEntry("vds-signer-1", retired);
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
        assertEquals(new dev.shomei.protocol.shc.RevocationIds(newerSecret).of("13105ABCDEFG"), card.rid(),
                "the newest key's secret derives the rid");
        assertEquals(List.of(pki.vdsSigner().certificate(), retired), keys.vdsSigners(), "current and retired signers published");
        assertEquals(pki.vdsCscaCertificate(), keys.vdsCsca().orElseThrow());
    }

    @Test
    void aKeyStoreKeyWithoutItsRevocationSecretIsRefused() throws Exception {
        char[] password = "test-password".toCharArray();
        KeyPair key = ecKeyPair();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("shc-1", key.getPrivate(), password, new X509Certificate[] {selfSigned(key)});
        Path file = temp.resolve("no-secret.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> IssuerKeySources.keyStore(file, password, "https://vrs.example.jp"));
        assertTrue(e.getMessage().contains("shc-1-rid"), e.getMessage());
    }

    @Test
    void aKeyDirectoryKeyWithoutItsRevocationSecretIsRefusedAndNeverCreated() throws Exception {
        DevPki pki = DevPki.ensure(temp.resolve("pki2"));
        Path secret = pki.shcDir().resolve("issuer-1.rid");
        assertTrue(Files.isRegularFile(secret), "the dev PKI provisions the secret");
        Files.delete(secret);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> ShcKeyRing.fromDirectory(pki.shcDir()));
        assertTrue(e.getMessage().contains("issuer-1.rid"), e.getMessage());
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(secret), "a backend reads the secret, never creates it");
        DevPki.ensure(temp.resolve("pki2"));
        assertTrue(Files.isRegularFile(secret), "the dev PKI set-up provisions a missing secret again");
        String kid = ShcKeyRing.rotate(pki.shcDir());
        assertTrue(Files.isRegularFile(pki.shcDir().resolve("issuer-2.rid")), "a rotation provisions the new key's secret");
        assertEquals(List.of(EcJwk.of(pki.shcIssuerKey().getPublic()).kid(), kid), ShcKeyRing.fromDirectory(pki.shcDir()).kids());
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
