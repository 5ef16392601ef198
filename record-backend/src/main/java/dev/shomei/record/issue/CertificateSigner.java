package dev.shomei.record.issue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import java.time.Instant;

/** Signs a certificate's QR payloads: the SMART Health Card, and the VDS-NC seal for overseas ones. */
public interface CertificateSigner {
    SignedCertificate sign(CertificateContent content, Instant issuedAt);
}
