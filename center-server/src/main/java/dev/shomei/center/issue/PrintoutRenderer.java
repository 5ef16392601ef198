package dev.shomei.center.issue;

import dev.shomei.protocol.cert.SignedCertificate;

/** Turns a signed certificate into the PDF the kiosk prints. */
public interface PrintoutRenderer {
    /**
     * @param copies how many copies the PDF holds (the kiosk prints the PDF once)
     */
    RenderedCertificate render(SignedCertificate certificate, int copies);
}
