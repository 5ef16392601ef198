package dev.shomei.protocol.pki;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A certificate and its private key, both as PEM files and as loaded objects. */
public record TlsIdentity(Path certificatePem, Path privateKeyPem, X509Certificate certificate, PrivateKey privateKey) {

    static TlsIdentity load(Path certificatePem, Path privateKeyPem) {
        return new TlsIdentity(certificatePem, privateKeyPem,
                Pem.readCertificate(certificatePem), Pem.readPrivateKey(privateKeyPem));
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
