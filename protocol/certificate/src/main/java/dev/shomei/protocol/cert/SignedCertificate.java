package dev.shomei.protocol.cert;

/**
 * A certificate's content with its signed QR payloads, as the record backend hands it to the
 * center for printing.
 *
 * @param smartHealthCard the SMART Health Card JWS (compact form), {@code null} when the certificate has no QR codes
 * @param vdsNc           the signed ICAO VDS-NC JSON; only on an overseas certificate with QR codes
 */
public record SignedCertificate(CertificateContent content, String smartHealthCard, String vdsNc) {
    public SignedCertificate {
        Fields.required("content", content);
        if (content.hasQrCodes() && smartHealthCard == null) {
            throw Fields.invalid("a certificate with QR codes needs its SMART Health Card");
        }
        if (!content.hasQrCodes() && (smartHealthCard != null || vdsNc != null)) {
            throw Fields.invalid("a certificate with variant kanji carries no QR codes");
        }
        boolean overseas = content.type() == dev.shomei.protocol.CertificateType.OVERSEAS;
        if (content.hasQrCodes() && overseas && vdsNc == null) {
            throw Fields.invalid("an overseas certificate needs its VDS-NC seal");
        }
        if (!overseas && vdsNc != null) {
            throw Fields.invalid("a domestic certificate carries no VDS-NC seal");
        }
    }

    @Override
    public String toString() {
        return "SignedCertificate[" + content + "]";
    }
}
