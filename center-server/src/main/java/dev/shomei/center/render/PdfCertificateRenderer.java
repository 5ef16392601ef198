package dev.shomei.center.render;

import dev.shomei.center.issue.PrintoutRenderer;
import dev.shomei.center.issue.RenderedCertificate;
import dev.shomei.printing.pdf.CertificateFont;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * The certificate PDF from the printing module, with every copy in one document (the kiosk prints
 * the PDF once). Rendering happens in memory; nothing is written to disk.
 */
public final class PdfCertificateRenderer implements PrintoutRenderer {
    private final dev.shomei.printing.pdf.CertificateRenderer renderer;

    public PdfCertificateRenderer(CertificateFont font) {
        this.renderer = new dev.shomei.printing.pdf.CertificateRenderer(font);
    }

    @Override
    public RenderedCertificate render(SignedCertificate certificate, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        byte[] single = renderer.render(certificate);
        if (copies == 1) {
            return new RenderedCertificate(single, renderer.pageCount(certificate));
        }
        try (PDDocument one = Loader.loadPDF(single)) {
            int pages = one.getNumberOfPages();
            try (PDDocument all = new PDDocument()) {
                all.getDocumentInformation().setTitle(one.getDocumentInformation().getTitle());
                all.getDocumentInformation().setProducer(one.getDocumentInformation().getProducer());
                for (int copy = 0; copy < copies; copy++) {
                    for (PDPage page : one.getPages()) {
                        all.importPage(page);
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(single.length * copies);
                all.save(out);
                Arrays.fill(single, (byte) 0);
                return new RenderedCertificate(out.toByteArray(), pages * copies);
            }
        } catch (IOException e) {
            Arrays.fill(single, (byte) 0);
            throw new ShomeiException(ErrorCode.INTERNAL, "cannot assemble the certificate copies", e);
        }
    }
}
