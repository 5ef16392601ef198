package dev.shomei.center.render;

import dev.shomei.center.issue.PrintoutRenderer;
import dev.shomei.center.issue.RenderedCertificate;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.cert.SignedCertificate;

/**
 * The certificate PDF from the printing module, with every copy in one document (the kiosk prints
 * the PDF once, {@link dev.shomei.printing.pdf.CertificateRenderer#renderCopies}; the clerk console renders
 * window issuances the same way). Rendering happens in memory; nothing is written to disk.
 */
public final class PdfCertificateRenderer implements PrintoutRenderer {
    private final dev.shomei.printing.pdf.CertificateRenderer renderer;

    public PdfCertificateRenderer(CertificateFont font) {
        this.renderer = new dev.shomei.printing.pdf.CertificateRenderer(font);
    }

    @Override
    public RenderedCertificate render(SignedCertificate certificate, int copies) {
        return new RenderedCertificate(renderer.renderCopies(certificate, copies), renderer.pageCount(certificate) * copies);
    }
}
