package dev.shomei.protocol.sign;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.shc.SmartHealthCardIssuer;
import dev.shomei.protocol.vds.VdsNcSealer;
import java.time.Instant;

/**
 * Signs what a certificate's QR codes carry: the SMART Health Card always, the VDS-NC seal on an
 * overseas certificate, nothing when the name uses variant kanji. What the record backend calls at
 * issuance. Thread-safe.
 */
public final class CertificateSigner {
    private final SmartHealthCardIssuer smartHealthCards;
    private final VdsNcSealer vdsNc;

    /** @param vdsNc the barcode signer, or {@code null} when this backend issues domestic certificates only */
    public CertificateSigner(SmartHealthCardIssuer smartHealthCards, VdsNcSealer vdsNc) {
        this.smartHealthCards = smartHealthCards;
        this.vdsNc = vdsNc;
    }

    public SignedCertificate sign(CertificateContent content, Instant issuedAt) {
        return signRevocable(content, issuedAt).certificate();
    }

    /** {@link #sign}, with the ids that revoke the SMART Health Card, for the issuer's records. */
    public RevocableCertificate signRevocable(CertificateContent content, Instant issuedAt) {
        if (!content.hasQrCodes()) {
            return new RevocableCertificate(new SignedCertificate(content, null, null), null, null);
        }
        SmartHealthCardIssuer.Card card = smartHealthCards.card(content, issuedAt);
        String seal = null;
        if (content.type() == CertificateType.OVERSEAS) {
            if (vdsNc == null) {
                throw new ShomeiException(ErrorCode.INTERNAL, "no VDS-NC barcode signer configured");
            }
            seal = vdsNc.seal(content);
        }
        return new RevocableCertificate(new SignedCertificate(content, card.jws(), seal), card.kid(), card.rid());
    }
}
