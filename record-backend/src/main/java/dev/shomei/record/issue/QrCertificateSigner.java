package dev.shomei.record.issue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.sign.RevocableCertificate;
import dev.shomei.record.keys.IssuerKeys;
import java.time.Instant;

/**
 * Signs with the current issuer keys through the protocol's signer: the SMART Health Card with the
 * newest SHC key, the VDS-NC seal for overseas certificates, no QR codes for variant kanji.
 */
public final class QrCertificateSigner implements CertificateSigner {
    private final IssuerKeys keys;

    public QrCertificateSigner(IssuerKeys keys) {
        this.keys = keys;
    }

    @Override
    public RevocableCertificate sign(CertificateContent content, Instant issuedAt) {
        return keys.signer().signRevocable(content, issuedAt);
    }
}
