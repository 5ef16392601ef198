package dev.shomei.printing.pdf;

import dev.shomei.printing.qr.CertificateQr;
import dev.shomei.printing.qr.QrCode;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;

/**
 * A certificate ready to lay out: its signed content and the QR symbols encoded from it. Encoding
 * happens here, so a payload too large for its QR code fails before any page is drawn.
 *
 * @param smartHealthCard the SMART Health Card symbol, {@code null} without QR codes
 * @param vdsNc           the VDS-NC symbol, only on an overseas certificate with QR codes
 */
public record CertificateDocument(SignedCertificate certificate, QrCode smartHealthCard, QrCode vdsNc) {
    /**
     * @throws dev.shomei.printing.qr.QrCapacityException when a payload does not fit its QR code
     */
    public static CertificateDocument of(SignedCertificate certificate) {
        QrCode shc = certificate.smartHealthCard() == null ? null
                : CertificateQr.smartHealthCard(certificate.smartHealthCard());
        QrCode vds = certificate.vdsNc() == null ? null : CertificateQr.vdsNc(certificate.vdsNc());
        return new CertificateDocument(certificate, shc, vds);
    }

    public CertificateContent content() {
        return certificate.content();
    }

    @Override
    public String toString() {
        return "CertificateDocument[" + certificate.content() + "]";
    }
}
