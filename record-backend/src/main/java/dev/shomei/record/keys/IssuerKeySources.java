package dev.shomei.record.keys;

import dev.shomei.protocol.pki.KeySource;
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

/**
 * Where the issuer keys come from. Development: a {@link KeySource}, i.e. the {@code state/pki} layout
 * (SHC keys {@code shc/issuer-<n>.key}, VDS-NC barcode signer {@code vds/signer.*}). Production: one PKCS#12 key store with private-key
 * entries {@code shc-<n>} and {@code vds-signer} (the latter with its certificate chain).
 */
public final class IssuerKeySources {
    /** The VDS-NC barcode signer's alias in a production key store. */
    public static final String VDS_ALIAS = "vds-signer";

    private IssuerKeySources() {
    }

    public static IssuerKeys dev(KeySource pki, String issuerUrl) {
        return new IssuerKeys(issuerUrl, () -> ShcKeyRing.fromDirectory(pki.shcDir()),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
    }

    /** Keys from a PKCS#12 key store; without a {@value #VDS_ALIAS} entry, only domestic certificates are signed. */
    public static IssuerKeys keyStore(Path file, char[] password, String issuerUrl) {
        return new IssuerKeys(issuerUrl, () -> ShcKeyRing.fromKeyStore(file, password), vdsFromKeyStore(file, password));
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
