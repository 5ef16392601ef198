package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.testing.PrintingFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-character font choice (body font, else IPAmj明朝) and the text layer of the name font. */
class NameFontFallbackTest {
    /** 𠮷 (U+20BB7, supplementary plane), which the body font lacks and IPAmj明朝 has. */
    private static final int TSUCHIYOSHI = 0x20BB7;
    private static CertificateFont fonts;

    @BeforeAll
    static void fonts() {
        fonts = PrintingFixtures.fontWithNames();
    }

    @Test
    void eachCharacterPrintsInTheFirstFontThatHasIt() {
        assertEquals(0, fonts.faceOf('A'));
        assertEquals(0, fonts.faceOf('日'));
        assertEquals(0, fonts.faceOf('〓'));
        assertFalse(fonts.face(0).hasGlyph(TSUCHIYOSHI), "the body font is expected to lack 𠮷");
        assertEquals(1, fonts.faceOf(TSUCHIYOSHI));
        assertEquals(-1, fonts.faceOf(0x1F600)); // an emoji: in neither font
        assertTrue(fonts.hasGlyph(TSUCHIYOSHI));
    }

    @Test
    void firstUnprintableNamesTheCharacterNoFontHas() {
        assertEquals(-1, fonts.firstUnprintable("𠮷野 髙﨑 渡邉"));
        assertEquals(-1, fonts.firstUnprintable("葛\uDB40\uDD00城")); // a variation selector is dropped, not refused
        assertEquals(0x1F600, fonts.firstUnprintable("山田\uD83D\uDE00"));
    }

    @Test
    void textLayerGivesBackTheRealCodePointsOfBothFonts() throws IOException {
        String name = "𠮷野 髙﨑 花子 Yoshino";
        assertEquals(name, fonts.printable(name), "every character has a glyph");
        try (PDDocument document = Loader.loadPDF(onePage(name))) {
            assertEquals(name, new PDFTextStripper().getText(document).strip());
            PDResources resources = document.getPage(0).getResources();
            PDType0Font body = (PDType0Font) resources.getFont(COSName.getPDFName("F1"));
            PDType0Font names = (PDType0Font) resources.getFont(COSName.getPDFName("F2"));
            assertNotNull(names, "the name font is embedded");
            assertTrue(names.getName().matches("[A-Z]{6}\\+" + fonts.face(1).postScriptName()), names.getName());
            assertTrue(body.getName().endsWith(fonts.face(0).postScriptName()), body.getName());
        }
    }

    @Test
    void aDocumentTheBodyFontCoversEmbedsNoNameFont() throws IOException {
        try (PDDocument document = Loader.loadPDF(onePage("山田 花子"))) {
            assertNull(document.getPage(0).getResources().getFont(COSName.getPDFName("F2")));
            assertEquals("山田 花子", new PDFTextStripper().getText(document).strip());
        }
    }

    @Test
    void widthAddsEachCharactersAdvanceInItsOwnFont() {
        FontFace names = fonts.face(1);
        float expected = fonts.width("山") + names.advance(names.glyphId(TSUCHIYOSHI));
        assertEquals(expected, fonts.width("山𠮷"), 0.001f);
        assertTrue(names.advance(names.glyphId(TSUCHIYOSHI)) > 0);
    }

    private static byte[] onePage(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            DocumentFonts embedded = fonts.newDocumentFonts();
            PDPage page = new PDPage();
            PDResources resources = new PDResources();
            page.setResources(resources);
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                new PageCanvas(stream, resources, embedded, fonts).text(text, 50, 700, 12);
            }
            embedded.finish(document);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
