package dev.shomei.printing.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One parsed TrueType font of the {@link CertificateFont} chain, read once and shared by every
 * document and thread (each document embeds its own subset, {@link EmbeddedFontSubset}). GSUB
 * substitution is off: it is the slowest part of laying out text and a ligature glyph can break
 * text extraction. Only TrueType outlines work (PDFBox cannot subset CFF-based OpenType fonts).
 */
final class FontFace {
    private final TrueTypeFont font;
    private final CmapLookup cmap;
    /** Advance width of each glyph in 1/1000 em, rounded as PDFBox writes the font's W array. */
    private final int[] widths;
    /** The font descriptor PDFBox derives from the font's tables, without a font program or name. */
    private final COSDictionary descriptor;
    private final String postScriptName;

    private FontFace(TrueTypeFont font) throws IOException {
        this.font = font;
        font.setEnableGsub(false);
        // parse every table now, on one thread: later lookups only read
        font.getHeader();
        font.getHorizontalHeader();
        font.getHorizontalMetrics();
        font.getMaximumProfile();
        font.getIndexToLocation();
        font.getGlyph();
        font.getNaming();
        font.getPostScript();
        font.getOS2Windows();
        font.getCmap();
        this.cmap = font.getUnicodeCmapLookup();
        if (cmap == null) {
            throw new IOException("font has no Unicode cmap");
        }
        float scaling = 1000f / font.getHeader().getUnitsPerEm();
        this.widths = new int[font.getNumberOfGlyphs()];
        for (int gid = 0; gid < widths.length; gid++) {
            widths[gid] = Math.round(font.getHorizontalMetrics().getAdvanceWidth(gid) * scaling);
        }
        try (PDDocument scratch = new PDDocument()) {
            PDFontDescriptor derived = PDType0Font.load(scratch, font, true).getFontDescriptor();
            this.postScriptName = derived.getFontName();
            this.descriptor = new COSDictionary();
            for (var entry : derived.getCOSObject().entrySet()) {
                if (entry.getValue() instanceof COSNumber || entry.getValue() instanceof COSName) {
                    descriptor.setItem(entry.getKey(), entry.getValue()); // immutable: safe to share
                } else if (entry.getKey().equals(COSName.FONT_BBOX)) {
                    descriptor.setItem(COSName.FONT_BBOX, entry.getValue());
                }
            }
            descriptor.removeItem(COSName.FONT_NAME);
        }
    }

    /** Reads and parses a TrueType font file. */
    static FontFace load(Path file) {
        try {
            TrueTypeFont font = TrueTypeFiles.parse(new RandomAccessReadBuffer(Files.readAllBytes(file)));
            if (font.getGlyph() == null) {
                throw new IOException("not a TrueType-outline font (no glyf table)");
            }
            return new FontFace(font);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the font " + file.getFileName(), e);
        }
    }

    /** A new font descriptor for one document's subset named {@code baseFont} (no font program yet). */
    COSDictionary descriptorTemplate(String baseFont) {
        COSDictionary copy = new COSDictionary();
        for (var entry : descriptor.entrySet()) {
            COSBase value = entry.getValue();
            if (value instanceof COSArray array) { // FontBBox: each document gets its own array
                COSArray own = new COSArray();
                array.forEach(own::add);
                value = own;
            }
            copy.setItem(entry.getKey(), value);
        }
        copy.setName(COSName.FONT_NAME, baseFont);
        return copy;
    }

    String postScriptName() {
        return postScriptName;
    }

    TrueTypeFont trueType() {
        return font;
    }

    int glyphId(int codePoint) {
        return cmap.getGlyphId(codePoint);
    }

    /** A glyph's advance width in 1/1000 em. */
    int advance(int glyphId) {
        return glyphId < widths.length ? widths[glyphId] : 0;
    }

    boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }
}
