package dev.shomei.printing.pdf;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Renders a certificate to PDF bytes, in memory. Page 1 carries the person, the first doses, the
 * statement, the issuing authority and the QR codes; further pages continue the dose table. Every
 * page shows the certificate id, the issue date and "page / pages". Thread-safe: one renderer (and
 * one {@link CertificateFont}) serves all threads.
 */
public final class CertificateRenderer {
    private static final System.Logger LOG = System.getLogger(CertificateRenderer.class.getName());

    private final CertificateFont font;

    public CertificateRenderer(CertificateFont font) {
        this.font = font;
    }

    public byte[] render(SignedCertificate certificate) {
        return render(CertificateDocument.of(certificate));
    }

    /**
     * Every copy in one document (the kiosk and the office printer print the PDF once): the single
     * certificate's pages repeated {@code copies} times. The single rendering is wiped afterwards.
     */
    public byte[] renderCopies(SignedCertificate certificate, int copies) {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        byte[] single = render(certificate);
        if (copies == 1) {
            return single;
        }
        try (PDDocument one = org.apache.pdfbox.Loader.loadPDF(single);
             PDDocument all = new PDDocument()) {
            all.getDocumentInformation().setTitle(one.getDocumentInformation().getTitle());
            all.getDocumentInformation().setProducer(one.getDocumentInformation().getProducer());
            for (int copy = 0; copy < copies; copy++) {
                for (PDPage page : one.getPages()) {
                    all.importPage(page);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(single.length * copies);
            all.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.INTERNAL, "cannot assemble the certificate copies", e);
        } finally {
            java.util.Arrays.fill(single, (byte) 0);
        }
    }

    /** The number of pages {@link #render(SignedCertificate)} makes: known before rendering. */
    public int pageCount(SignedCertificate certificate) {
        CertificateDocument document = CertificateDocument.of(certificate);
        return paginate(document.content().doses(), layoutOf(document)).size();
    }

    public byte[] render(CertificateDocument document) {
        Layout layout = layoutOf(document);
        List<List<Dose>> pages = paginate(document.content().doses(), layout);
        try (PDDocument pdf = new PDDocument()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Vaccination certificate"); // no personal data in metadata
            info.setProducer("shomei");
            DocumentFonts embedded = font.newDocumentFonts();
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(Page.SIZE);
                PDResources resources = new PDResources();
                page.setResources(resources);
                pdf.addPage(page);
                try (PDPageContentStream stream = new PDPageContentStream(pdf, page)) {
                    PageCanvas canvas = new PageCanvas(stream, resources, embedded, font);
                    frame(page, canvas);
                    layout.pageHeader(canvas, document);
                    if (i == 0) {
                        layout.firstPage(canvas, document, pages.get(i));
                    } else {
                        layout.nextPage(canvas, document, pages.get(i));
                    }
                    canvas.textCentered(Labels.page(i + 1, pages.size()), Page.CENTER, 36, 9f);
                }
            }
            embedded.finish(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out, CompressParameters.NO_COMPRESSION); // no object streams: cheaper to write, about 1 KB larger
            LOG.log(System.Logger.Level.DEBUG, () -> "rendered certificate " + document.content().certificateId()
                    + ": " + pages.size() + " page(s), " + out.size() + " bytes");
            return out.toByteArray();
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.INTERNAL, "cannot render the certificate PDF", e);
        }
    }

    private static Layout layoutOf(CertificateDocument document) {
        return document.content().type() == CertificateType.OVERSEAS ? new OverseasLayout() : new DomesticLayout();
    }

    static List<List<Dose>> paginate(List<Dose> doses, Layout layout) {
        List<List<Dose>> pages = new ArrayList<>();
        int first = Math.min(doses.size(), layout.firstPageRows());
        pages.add(doses.subList(0, first));
        for (int start = first; start < doses.size(); start += layout.nextPageRows()) {
            pages.add(doses.subList(start, Math.min(doses.size(), start + layout.nextPageRows())));
        }
        return pages;
    }

    /** Background pattern inside a thin frame, micro-text along the top and bottom edges. */
    private static void frame(PDPage page, PageCanvas canvas) throws IOException {
        PDRectangle area = new PDRectangle(Page.FRAME, Page.FRAME, Page.WIDTH - 2 * Page.FRAME,
                Page.HEIGHT - 2 * Page.FRAME);
        SecurityBackground.pattern(page, canvas, area);
        canvas.stream().setStrokingColor(0.35f, 0.45f, 0.6f);
        canvas.box(area.getLowerLeftX(), area.getLowerLeftY(), area.getWidth(), area.getHeight(), 0.5f);
        canvas.stream().setStrokingColor(0f);
        SecurityBackground.microText(canvas, Page.FRAME + 4, Page.WIDTH - Page.FRAME - 4, Page.HEIGHT - Page.FRAME - 5);
        SecurityBackground.microText(canvas, Page.FRAME + 4, Page.WIDTH - Page.FRAME - 4, Page.FRAME + 3);
    }
}
