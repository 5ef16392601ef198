package dev.shomei.printing.pdf;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * The certificate's fonts, read and parsed once and shared by every document and thread: the body
 * font first, then the name font behind it (IPAmj明朝, for the MJ characters of registered names,
 * supplementary-plane ones included). Each character prints in the first font that has its glyph
 * ({@link #faceOf}); one that no font has prints as the fallback glyph (〓), which the importer
 * prevents for names (docs/certificate.md, "Fonts").
 *
 * <p>The font files come from set-up ({@code -Dshomei.font}, {@code -Dshomei.nameFont}), never from
 * the repository.
 */
public final class CertificateFont {
    /** GETA MARK, the traditional Japanese stand-in for a character that cannot be printed. */
    static final int FALLBACK = 0x3013;

    private final List<FontFace> faces;
    private final int fallback;

    private CertificateFont(List<FontFace> faces) {
        this.faces = List.copyOf(faces);
        this.fallback = faces.getFirst().hasGlyph(FALLBACK) ? FALLBACK : '?';
    }

    /** The body font alone. */
    public static CertificateFont load(Path body) {
        return new CertificateFont(List.of(FontFace.load(body)));
    }

    /** The body font with the name font behind it. */
    public static CertificateFont load(Path body, Path names) {
        return new CertificateFont(List.of(FontFace.load(body), FontFace.load(names)));
    }

    /**
     * The fonts named by {@code -Dshomei.font} (required) and {@code -Dshomei.nameFont} (used when
     * the file exists), which the launcher sets up under state/fonts.
     */
    public static CertificateFont fromSystemProperty() {
        String path = System.getProperty("shomei.font");
        if (path == null || path.isBlank() || !Files.isRegularFile(Path.of(path))) {
            throw new ShomeiException(ErrorCode.INTERNAL,
                    "no Japanese TrueType font: set -Dshomei.font (./shomei installs one under state/fonts)");
        }
        String names = System.getProperty("shomei.nameFont");
        List<FontFace> faces = new ArrayList<>(List.of(FontFace.load(Path.of(path))));
        if (names != null && !names.isBlank() && Files.isRegularFile(Path.of(names))) {
            faces.add(FontFace.load(Path.of(names)));
        }
        return new CertificateFont(faces);
    }

    /** The number of fonts in the chain (1 or 2). */
    public int faceCount() {
        return faces.size();
    }

    /** The index of the first font that has the character's glyph, or -1 when none has it. */
    public int faceOf(int codePoint) {
        for (int i = 0; i < faces.size(); i++) {
            if (faces.get(i).hasGlyph(codePoint)) {
                return i;
            }
        }
        return -1;
    }

    FontFace face(int index) {
        return faces.get(index);
    }

    /** The fonts of one document, holding the glyphs it shows. */
    DocumentFonts newDocumentFonts() {
        return new DocumentFonts(this);
    }

    /** The body font's subset for one document (tests of the subset itself). */
    EmbeddedFontSubset newSubset() {
        return new EmbeddedFontSubset(faces.getFirst(), EmbeddedFontSubset.RESOURCE_NAME);
    }

    String postScriptName() {
        return faces.getFirst().postScriptName();
    }

    TrueTypeFont trueType() {
        return faces.getFirst().trueType();
    }

    /**
     * The width of already {@linkplain #printable(String) printable} text in 1/1000 of the font
     * size: each character's advance in the font that prints it, as the embedded subsets' W arrays
     * (advance widths, no kerning, GSUB off); measuring adds no glyph to a subset.
     */
    float width(String printable) {
        int total = 0;
        for (int i = 0; i < printable.length(); ) {
            int codePoint = printable.codePointAt(i);
            int face = Math.max(0, faceOf(codePoint));
            total += faces.get(face).advance(faces.get(face).glyphId(codePoint));
            i += Character.charCount(codePoint);
        }
        return total;
    }

    /** True when some font of the chain has the character's glyph. */
    public boolean hasGlyph(int codePoint) {
        return faceOf(codePoint) >= 0;
    }

    /**
     * The first character of {@code text} that would not print as itself (no font has it), as a
     * code point, or -1 when every character prints; variation selectors and control characters
     * are ignored as {@link #printable} drops them.
     */
    public int firstUnprintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isSelector(codePoint) && !Character.isISOControl(codePoint) && !hasGlyph(codePoint)) {
                return codePoint;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * {@code text} with every character no font has replaced by the fallback glyph, control
     * characters removed and variation selectors dropped (the base character prints).
     */
    public String printable(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean selector = isSelector(codePoint);
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

    private static boolean isSelector(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }
}
