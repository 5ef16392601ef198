package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.testing.PrintingFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The hand-built subset font reads back in PDFBox as the text, widths and glyphs that were drawn. */
class EmbeddedFontSubsetTest {
    private final CertificateFont font = PrintingFixtures.bodyFont();

    @Test
    void textExtractsWidthsMatchAndOnlyShownGlyphsAreEmbedded() throws IOException {
        String shown = font.printable("接種証明書 Vaccination 𠮷田 髙橋 ①");
        byte[] pdf = onePage(shown);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(shown, new PDFTextStripper().getText(document).strip());
            PDType0Font embedded = (PDType0Font) document.getPage(0).getResources().getFont(EmbeddedFontSubset.RESOURCE_NAME);
            assertTrue(embedded.isEmbedded());
            assertTrue(embedded.getName().matches("[A-Z]{6}\\+" + font.postScriptName()), embedded.getName());
            assertEquals(font.width(shown), embedded.getStringWidth(shown), 0.001f);
            PDCIDFontType2 cidFont = (PDCIDFontType2) embedded.getDescendantFont();
            long distinct = shown.codePoints().distinct().count();
            // the subset font program: .notdef and one glyph per distinct character shown
            assertEquals(distinct + 1, cidFont.getTrueTypeFont().getNumberOfGlyphs());
            for (int cid = 1; cid <= distinct; cid++) {
                assertTrue(cidFont.codeToGID(cid) > 0, "CID " + cid + " has a glyph");
                assertTrue(cidFont.getPath(cid).getBounds2D().getWidth() > 0 || cidFont.getWidth(cid) > 0);
            }
        }
    }

    @Test
    void aGlyphShownTwiceIsOneCid() {
        EmbeddedFontSubset subset = font.newSubset();
        assertEquals("<000100020001> Tj\n", subset.showText("日本日"));
        assertEquals("<0002> Tj\n", subset.showText("本"));
        assertEquals(2, subset.glyphCount());
    }

    @Test
    void noTextAfterTheSubsetIsWritten() throws IOException {
        try (PDDocument document = new PDDocument()) {
            EmbeddedFontSubset subset = font.newSubset();
            subset.showText("A");
            subset.finish(document);
            assertThrows(IllegalStateException.class, () -> subset.showText("B"));
        }
    }

    @Test
    void fontSizesAreWrittenAsPlainPdfNumbers() {
        assertEquals("9", EmbeddedFontSubset.number(9f));
        assertEquals("8.5", EmbeddedFontSubset.number(8.5f));
        assertEquals("0.0001", EmbeddedFontSubset.number(0.0001f));
    }

    @Test
    void toUnicodeWritesSurrogatePairsAndSplitsLongLists() {
        String cmap = new String(ToUnicodeCMap.write(List.of((int) 'A', 0x20BB7)), StandardCharsets.US_ASCII);
        assertTrue(cmap.contains("<0001> <0041>"), cmap);
        assertTrue(cmap.contains("<0002> <D842DFB7>"), cmap);
        String many = new String(ToUnicodeCMap.write(java.util.Collections.nCopies(150, (int) 'x')), StandardCharsets.US_ASCII);
        assertTrue(many.contains("100 beginbfchar") && many.contains("50 beginbfchar"), many);
    }

    private byte[] onePage(String printable) throws IOException {
        try (PDDocument document = new PDDocument()) {
            EmbeddedFontSubset subset = font.newSubset();
            PDPage page = new PDPage();
            PDResources resources = new PDResources();
            subset.addTo(resources);
            page.setResources(resources);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.appendRawCommands(subset.selectFont(12));
                stream.newLineAtOffset(50, 700);
                stream.appendRawCommands(subset.showText(printable));
                stream.endText();
            }
            subset.finish(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
