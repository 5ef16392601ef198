package dev.shomei.protocol.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Provisioning apart from running: a machine makes its own key pair and a certificate signing
 * request ({@link #csr}); the CA, kept elsewhere, signs it ({@link #sign}); the signed certificate is
 * installed beside the key. The private key never leaves the machine that made it; the CA key never
 * reaches a kiosk, center or backend. {@code openssl req}/{@code openssl ca} do the same
 * (docs/operations.md, "Provisioning").
 */
public final class Provisioning {
    /** What a signed certificate may be used for. */
    public enum Profile {
        /** A kiosk: TLS client, CN = terminal id. */
        TERMINAL(false, true),
        /** The center's line/console or the backend's API: TLS server for localhost. */
        SERVER(true, false),
        /** The center's client certificate on the backend link. */
        CLIENT(false, true),
        /**
         * The backend's ICAO VDS-NC barcode signer, signed by the CSCA ({@code csca.crt}/{@code csca.key}
         * in the CA folder; the dev PKI keeps them in {@code vds/}).
         */
        VDS_SIGNER(false, false);

        final boolean server;
        final boolean client;

        Profile(boolean server, boolean client) {
            this.server = server;
            this.client = client;
        }
    }

    private Provisioning() {
    }

    /**
     * Writes {@code <dir>/<name>.key} (EC P-256, 0600) and {@code <dir>/<name>.csr} for {@code subject};
     * refuses to overwrite an existing key (a key is replaced by rotating, never by accident).
     */
    public static Path csr(Path dir, String name, String subject) {
        Path keyFile = dir.resolve(name + ".key");
        Path csrFile = dir.resolve(name + ".csr");
        if (Files.exists(keyFile)) {
            throw new IllegalStateException(keyFile + " exists; move it away first to make a new key");
        }
        KeyPair keys = CertificateMaker.ecKeyPair();
        try {
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject),
                    keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            Pem.writePrivateKey(keyFile, keys.getPrivate());
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(request);
            }
            Files.writeString(csrFile, text.toString(), StandardCharsets.US_ASCII);
            return csrFile;
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the request", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csrFile, e);
        }
    }

    /**
     * Signs the request in {@code csrFile} with the CA of {@code caDir} ({@code ca.crt}/{@code ca.key})
     * for {@code validity}, after checking the request's own signature, and writes the certificate to
     * {@code out}.
     */
    public static X509Certificate sign(Path csrFile, Path caDir, Profile profile, Duration validity, Path out) {
        JcaPKCS10CertificationRequest request = readRequest(csrFile);
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException(csrFile.getFileName() + ": the request's signature is not valid");
            }
            PublicKey subjectKey = request.getPublicKey();
            String subject = new X500Principal(request.getSubject().getEncoded()).getName(X500Principal.RFC2253);
            if (profile == Profile.VDS_SIGNER) {
                X509Certificate signer = CertificateMaker.barcodeSigner(subject, subjectKey,
                        Pem.readCertificate(caDir.resolve("csca.crt")), Pem.readPrivateKey(caDir.resolve("csca.key")),
                        validity);
                Pem.writeCertificate(out, signer);
                return signer;
            }
            X509Certificate ca = Pem.readCertificate(caDir.resolve("ca.crt"));
            X509Certificate certificate = CertificateMaker.tlsLeaf(subject, subjectKey, ca,
                    Pem.readPrivateKey(caDir.resolve("ca.key")), validity, profile.server, profile.client,
                    profile.server ? List.of("localhost") : List.of(),
                    profile.server ? List.of("127.0.0.1", "::1") : List.of());
            Pem.writeCertificate(out, certificate);
            return certificate;
        } catch (OperatorCreationException | PKCSException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException(csrFile.getFileName() + ": unusable request", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csrFile, e);
        }
    }

    private static JcaPKCS10CertificationRequest readRequest(Path csrFile) {
        try (Reader reader = Files.newBufferedReader(csrFile, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof PKCS10CertificationRequest request)) {
                throw new IllegalArgumentException(csrFile.getFileName() + " holds no certificate signing request");
            }
            return new JcaPKCS10CertificationRequest(request);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csrFile, e);
        }
    }
}
