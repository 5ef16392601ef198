package dev.shomei.record.issue;

import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.sign.RevocableCertificate;
import java.time.Instant;

/** Signs a certificate's QR payloads: the SMART Health Card, and the VDS-NC seal for overseas ones. */
public interface CertificateSigner {
    /** The signed certificate, with the ids its revocation will need. */
    RevocableCertificate sign(CertificateContent content, Instant issuedAt);
}
