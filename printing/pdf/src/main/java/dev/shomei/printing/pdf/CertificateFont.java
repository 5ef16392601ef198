package dev.shomei.printing.pdf;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
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
 * The Japanese TrueType font, read and parsed once and shared by every document and thread (each
 * document embeds its own subset, {@link EmbeddedFontSubset}). GSUB substitution is off: it is the slowest part of laying out
 * text and a ligature glyph can break text extraction.
 *
 * <p>The font file comes from set-up ({@code -Dshomei.font}), never from the repository. Only
 * TrueType outlines work (PDFBox cannot subset CFF-based OpenType fonts).
 */
public final class CertificateFont {
    /** GETA MARK, the traditional Japanese stand-in for a character that cannot be printed. */
    static final int FALLBACK = 0x3013;

    private final TrueTypeFont font;
    private final CmapLookup cmap;
    private final int fallback;
    /** Advance width of each glyph in 1/1000 em, rounded as PDFBox writes the font's W array. */
    private final int[] widths;
    /** The font descriptor PDFBox derives from the font's tables, without a font program or name. */
    private final COSDictionary descriptor;
    private final String postScriptName;

    private CertificateFont(TrueTypeFont font) throws IOException {
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
        this.fallback = cmap.getGlyphId(FALLBACK) != 0 ? FALLBACK : '?';
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
    public static CertificateFont load(Path file) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(Files.readAllBytes(file)));
            if (font.getGlyph() == null) {
                throw new IOException("not a TrueType-outline font (no glyf table)");
            }
            return new CertificateFont(font);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the certificate font " + file.getFileName(), e);
        }
    }

    /** The font named by {@code -Dshomei.font}, which the launcher sets up. */
    public static CertificateFont fromSystemProperty() {
        String path = System.getProperty("shomei.font");
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new ShomeiException(ErrorCode.INTERNAL,
                    "no Japanese TrueType font: set -Dshomei.font (./shomei installs one under state/fonts)");
        }
        return load(Path.of(path));
    }

    /** The font of one document, holding the glyphs it shows. */
    EmbeddedFontSubset newSubset() {
        return new EmbeddedFontSubset(this);
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

    /**
     * The width of already {@linkplain #printable(String) printable} text in 1/1000 of the font
     * size: the same figure as {@code PDType0Font.getStringWidth} (advance widths, no kerning, GSUB
     * off) and as the embedded subset's W array; measuring adds no glyph to the subset (only text
     * actually shown is embedded).
     */
    float width(String printable) {
        int total = 0;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            total += advance(cmap.getGlyphId(codePoint));
            i += Character.charCount(codePoint);
        }
        return total;
    }

    public boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * {@code text} with every character the font lacks replaced by the fallback glyph, control
     * characters removed and variation selectors dropped (the base character prints).
     */
    public String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean selector = codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
            boolean keep = !selector && !Character.isISOControl(codePoint) && hasGlyph(codePoint);
            if (!keep && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (out != null) {
                if (keep) {
                    out.appendCodePoint(codePoint);
                } else if (!selector && !Character.isISOControl(codePoint)) {
                    out.appendCodePoint(fallback);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }
}
