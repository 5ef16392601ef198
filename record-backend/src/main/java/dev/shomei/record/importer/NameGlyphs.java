package dev.shomei.record.importer;

import dev.shomei.printing.pdf.TrueTypeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Which characters the certificate's installed fonts print: the body font ({@code -Dshomei.font})
 * and the name font behind it ({@code -Dshomei.nameFont}, IPAmj明朝). A name character that no font
 * has is refused at import and at a clerk's edit, so a certificate never prints a substitute (〓).
 * Reads only the fonts' Unicode cmaps (FontBox, the same parser the renderer uses), so the answer
 * is the renderer's; variation selectors and control characters are ignored as the renderer drops
 * them.
 */
public final class NameGlyphs {
    private static final System.Logger LOG = System.getLogger(NameGlyphs.class.getName());
    private static NameGlyphs installed;

    private final List<CmapLookup> fonts;

    private NameGlyphs(List<CmapLookup> fonts) {
        this.fonts = List.copyOf(fonts);
    }

    /** The fonts at these paths, in order. */
    public static NameGlyphs of(Path... files) {
        List<CmapLookup> fonts = new ArrayList<>();
        for (Path file : files) {
            try (TrueTypeFont font = TrueTypeFiles.parse(new RandomAccessReadBufferedFile(file.toFile()))) {
                CmapLookup cmap = font.getUnicodeCmapLookup(); // the subtable keeps its map after the file closes
                if (cmap == null) {
                    throw new IOException("font has no Unicode cmap");
                }
                fonts.add(cmap);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + file.getFileName(), e);
            }
        }
        return new NameGlyphs(fonts);
    }

    /**
     * The fonts the launcher installed ({@code -Dshomei.font}, {@code -Dshomei.nameFont}), read once.
     * With no font configured the check is off (every character passes), and a warning says so.
     */
    public static synchronized NameGlyphs installed() {
        if (installed == null) {
            List<Path> files = new ArrayList<>();
            for (String property : List.of("shomei.font", "shomei.nameFont")) {
                String value = System.getProperty(property);
                if (value != null && !value.isBlank() && Files.isRegularFile(Path.of(value))) {
                    files.add(Path.of(value));
                }
            }
            if (files.isEmpty()) {
                LOG.log(Level.WARNING, "no certificate font configured (-Dshomei.font): name characters are not checked");
            }
            installed = of(files.toArray(Path[]::new));
        }
        return installed;
    }

    /**
     * The 1-based position (in characters) of the first character of {@code text} that no font
     * has, or 0 when every character prints as itself. The position, never the character, goes into
     * messages: names are personal data.
     */
    public int unprintableAt(String text) {
        if (fonts.isEmpty()) {
            return 0;
        }
        int position = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            position++;
            if (!ignored(codePoint) && !printable(codePoint)) {
                return position;
            }
            i += Character.charCount(codePoint);
        }
        return 0;
    }

    private boolean printable(int codePoint) {
        for (CmapLookup font : fonts) {
            if (font.getGlyphId(codePoint) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean ignored(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF
                || Character.isISOControl(codePoint);
    }
}
