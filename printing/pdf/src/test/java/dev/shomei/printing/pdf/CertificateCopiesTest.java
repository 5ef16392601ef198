package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.cert.CertificateFixtures;
import dev.shomei.protocol.cert.SignedCertificate;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every copy in one document, for the kiosk (center) and the office printer (clerk console) alike. */
class CertificateCopiesTest {
    @TempDir
    static Path dir;
    static CertificateRenderer renderer;
    static SignedCertificate overseas;

    @BeforeAll
    static void setUp() {
        renderer = new CertificateRenderer(PrintingFixtures.font());
        overseas = new PrintingFixtures(dir).sign(CertificateFixtures.overseas(3));
    }

    @Test
    void copiesRepeatTheCertificatesPages() throws Exception {
        int pages = renderer.pageCount(overseas);
        try (PDDocument three = Loader.loadPDF(renderer.renderCopies(overseas, 3));
             PDDocument one = Loader.loadPDF(renderer.renderCopies(overseas, 1))) {
            assertEquals(3 * pages, three.getNumberOfPages());
            assertEquals(pages, one.getNumberOfPages());
            PDFTextStripper text = new PDFTextStripper();
            text.setStartPage(1);
            text.setEndPage(pages);
            String first = text.getText(three);
            text.setStartPage(2 * pages + 1);
            text.setEndPage(3 * pages);
            assertEquals(first, text.getText(three), "the third copy is the first again");
            assertEquals("Vaccination certificate", three.getDocumentInformation().getTitle(), "no personal data in metadata");
        }
    }

    @Test
    void noCopiesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> renderer.renderCopies(overseas, 0));
    }
}
