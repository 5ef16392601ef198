package dev.shomei.record.keys;

import dev.shomei.protocol.pki.KeySource;
import dev.shomei.protocol.pki.Pem;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the issuer keys come from. Development: a {@link KeySource}, i.e. the {@code state/pki} layout
 * (SHC keys {@code shc/issuer-<n>.key}, VDS-NC barcode signer {@code vds/signer.*}). Production: one PKCS#12 key store with private-key
 * entries {@code shc-<n>} (each with its secret-key entry {@code shc-<n>-rid}) and {@code vds-signer} (with its
 * certificate chain up to the CSCA), and certificate entries {@code vds-signer-<n>} of retired barcode signers.
 */
public final class IssuerKeySources {
    /** The VDS-NC barcode signer's alias in a production key store. */
    public static final String VDS_ALIAS = "vds-signer";
    /** Retired VDS-NC signer certificates (certificate entries {@code vds-signer-<n>}): published, no longer signing. */
    static final java.util.regex.Pattern RETIRED_VDS_ALIAS = java.util.regex.Pattern.compile("vds-signer-\\d+");

    private IssuerKeySources() {
    }

    /**
     * Keys from a {@link KeySource}. Retired VDS-NC signer certificates, still published so that their
     * seals verify, are the {@code *.crt} files in {@code vds/retired/} beside {@code shc/}.
     */
    public static IssuerKeys dev(KeySource pki, String issuerUrl) {
        X509Certificate signer = pki.vdsSigner().certificate();
        List<X509Certificate> signers = new ArrayList<>(List.of(signer));
        Path retired = pki.shcDir().resolveSibling("vds").resolve("retired");
        if (Files.isDirectory(retired)) {
            try (Stream<Path> files = Files.list(retired)) {
                files.filter(file -> file.getFileName().toString().endsWith(".crt")).sorted()
                        .forEach(file -> signers.add(Pem.readCertificate(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the retired VDS-NC signer certificates", e);
            }
        }
        X509Certificate csca;
        try {
            csca = pki.vdsCscaCertificate();
        } catch (RuntimeException absent) {
            csca = null; // a production key directory need not hold the CSCA certificate
        }
        return new IssuerKeys(issuerUrl, () -> ShcKeyRing.fromDirectory(pki.shcDir()),
                new VdsNcSealer(pki.vdsSigner().privateKey(), signer), signers, csca);
    }

    /** Keys from a PKCS#12 key store; without a {@value #VDS_ALIAS} entry, only domestic certificates are signed. */
    public static IssuerKeys keyStore(Path file, char[] password, String issuerUrl) {
        VdsNcSealer sealer = vdsFromKeyStore(file, password);
        List<X509Certificate> signers = new ArrayList<>();
        X509Certificate csca = null;
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (store.isKeyEntry(VDS_ALIAS)) {
                java.security.cert.Certificate[] chain = store.getCertificateChain(VDS_ALIAS);
                signers.add((X509Certificate) chain[0]);
                if (chain.length > 1) {
                    csca = (X509Certificate) chain[chain.length - 1];
                }
            }
            for (String alias : Collections.list(store.aliases()).stream().sorted().toList()) {
                if (RETIRED_VDS_ALIAS.matcher(alias).matches() && store.isCertificateEntry(alias)) {
                    signers.add((X509Certificate) store.getCertificate(alias));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the issuer key store: " + e.getClass().getSimpleName());
        }
        return new IssuerKeys(issuerUrl, () -> ShcKeyRing.fromKeyStore(file, password), sealer, signers, csca);
    }

    private static VdsNcSealer vdsFromKeyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(VDS_ALIAS)) {
                return null;
            }
            return new VdsNcSealer((PrivateKey) store.getKey(VDS_ALIAS, password),
                    (X509Certificate) store.getCertificate(VDS_ALIAS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the issuer key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the issuer key store: " + e.getClass().getSimpleName());
        }
    }
}
