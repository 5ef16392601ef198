package dev.shomei.protocol.sign;

import dev.shomei.protocol.cert.SignedCertificate;

/**
 * A certificate as just signed, with what revokes its SMART Health Card: the signing key's
 * {@code kid} and the card's {@code vc.rid}, as the signer wrote them (so the issuer never reads
 * them back out of the JWS). The VDS-NC seal is revoked by the certificate id, which the content has.
 *
 * @param shcKid the SMART Health Card key's kid, {@code null} without a card (variant kanji)
 * @param shcRid the card's rid, {@code null} without a card or when the key has no revocation secret
 */
public record RevocableCertificate(SignedCertificate certificate, String shcKid, String shcRid) {
}
