package dev.shomei.printing.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The certificate font of one document: a Type 0 font over a CIDFontType2 that holds only the
 * glyphs the document shows. Text is encoded here as it is drawn — each new glyph gets the next
 * CID (1, 2, 3, ...) — and {@link #finish} writes the subset font program, the widths, the CID to
 * glyph map and the ToUnicode map for exactly those glyphs.
 *
 * <p>Why not {@code PDType0Font.load}: for every document PDFBox builds and parses back a width
 * array over all ~12,000 glyphs of a Japanese font, and at save walks every glyph again for the
 * ToUnicode map and writes a CID-to-glyph map as long as the highest glyph id. That was about 40 %
 * of a certificate's render time; the document needs a hundred or two glyphs.
 */
final class EmbeddedFontSubset {
    /** The body font's name in every page's resources (the name font's is F2). */
    static final COSName RESOURCE_NAME = COSName.getPDFName("F1");
    /** The glyph-program tables a PDF viewer needs from an embedded TrueType font (PDFBox keeps the same). */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final FontFace font;
    private final COSName resourceName;
    private final COSDictionary type0 = new COSDictionary();
    private final Map<Integer, Integer> cidOfGlyph = new HashMap<>();
    /** Index = CID - 1. */
    private final List<Integer> glyphOfCid = new ArrayList<>();
    private final List<Integer> codePointOfCid = new ArrayList<>();
    private boolean finished;

    EmbeddedFontSubset(FontFace font, COSName resourceName) {
        this.font = font;
        this.resourceName = resourceName;
    }

    /** Makes the font available to a page under its resource name (idempotent). */
    void addTo(PDResources resources) {
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            fonts = new COSDictionary();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
        }
        fonts.setItem(resourceName, type0);
    }

    /** The operator selecting this font at {@code size} points: {@code /F1 9 Tf}. */
    String selectFont(float size) {
        return "/" + resourceName.getName() + " " + number(size) + " Tf\n";
    }

    /** The operator showing text whose every glyph this font has: {@code <00010002> Tj}. */
    String showText(String printable) {
        if (finished) {
            throw new IllegalStateException("the font subset is already written");
        }
        StringBuilder operator = new StringBuilder(printable.length() * 4 + 6).append('<');
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            int cid = cidOf(font.glyphId(codePoint), codePoint);
            operator.append(HEX[cid >> 12 & 0xF]).append(HEX[cid >> 8 & 0xF]).append(HEX[cid >> 4 & 0xF]).append(HEX[cid & 0xF]);
            i += Character.charCount(codePoint);
        }
        return operator.append("> Tj\n").toString();
    }

    private int cidOf(int glyph, int codePoint) {
        Integer cid = cidOfGlyph.get(glyph);
        if (cid == null) {
            glyphOfCid.add(glyph);
            codePointOfCid.add(codePoint);
            cid = glyphOfCid.size();
            cidOfGlyph.put(glyph, cid);
        }
        return cid;
    }

    /** Glyphs used so far. */
    int glyphCount() {
        return glyphOfCid.size();
    }

    /** Writes the font dictionaries and the subset font program; call once, after the last text. */
    void finish(PDDocument document) throws IOException {
        finished = true;
        TTFSubsetter subsetter = new TTFSubsetter(font.trueType(), TABLES);
        subsetter.addGlyphIds(new TreeSet<>(glyphOfCid));
        Map<Integer, Integer> oldGlyphOfNew = subsetter.getGIDMap();
        String baseFont = tag() + "+" + font.postScriptName();
        ByteArrayOutputStream program = new ByteArrayOutputStream(32 * 1024);
        subsetter.writeToStream(program);

        COSDictionary descriptor = font.descriptorTemplate(baseFont);
        COSStream fontFile = flateStream(document, program.toByteArray());
        fontFile.setInt(COSName.LENGTH1, program.size());
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setName(COSName.BASE_FONT, baseFont);
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        cidFont.setItem(COSName.W, widths());
        cidFont.setItem(COSName.CID_TO_GID_MAP, flateStream(document, cidToGlyphMap(oldGlyphOfNew)));

        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setName(COSName.BASE_FONT, baseFont);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, flateStream(document, ToUnicodeCMap.write(codePointOfCid)));
    }

    /** {@code [1 [w1 w2 ... wn]]}: every CID's advance in 1/1000 em, as {@link CertificateFont#width} measures. */
    private COSArray widths() {
        COSArray run = new COSArray();
        for (int glyph : glyphOfCid) {
            run.add(COSInteger.get(font.advance(glyph)));
        }
        COSArray widths = new COSArray();
        if (!glyphOfCid.isEmpty()) {
            widths.add(COSInteger.ONE);
            widths.add(run);
        }
        return widths;
    }

    /** Two bytes per CID from 0: the glyph's id in the subset font program (0 for CID 0, .notdef). */
    private byte[] cidToGlyphMap(Map<Integer, Integer> oldGlyphOfNew) {
        Map<Integer, Integer> newGlyphOfOld = new HashMap<>(oldGlyphOfNew.size() * 2);
        oldGlyphOfNew.forEach((newGlyph, oldGlyph) -> newGlyphOfOld.put(oldGlyph, newGlyph));
        byte[] map = new byte[2 * (glyphOfCid.size() + 1)];
        for (int cid = 1; cid <= glyphOfCid.size(); cid++) {
            int glyph = newGlyphOfOld.get(glyphOfCid.get(cid - 1));
            map[2 * cid] = (byte) (glyph >> 8);
            map[2 * cid + 1] = (byte) glyph;
        }
        return map;
    }

    /** Six capital letters naming this subset (PDF 32000 9.6.4), from the glyphs it holds. */
    private String tag() {
        long hash = new TreeSet<>(glyphOfCid).hashCode() * 0x9E3779B97F4A7C15L;
        StringBuilder tag = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + Math.floorMod(hash, 26)));
            hash /= 26;
        }
        return tag.toString();
    }

    private static COSStream flateStream(PDDocument document, byte[] content) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(content);
        }
        return stream;
    }

    /** A font size as a PDF number: {@code 9}, {@code 8.5}; never an exponent. */
    static String number(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }
}
