package dev.shomei.printing.pdf;

import java.io.IOException;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * Parses TrueType font files: the certificate's fonts here and the backend's name check
 * ({@code NameGlyphs}) alike. FontBox warns "Format 14 cmap table is not supported and will be
 * ignored" for every font with a Unicode variation sequences subtable — IPAmj明朝, the name font, has
 * one — in every process, at every start. It is known and documented (docs/certificate.md: a
 * variation selector prints its base character), so that one message is filtered out of the log,
 * where an operator would take it for a fault; every other FontBox message stays.
 */
public final class TrueTypeFiles {
    /** Held: java.util.logging keeps loggers weakly, and a collected one would lose its filter. */
    private static final Logger CMAP_LOG = Logger.getLogger("org.apache.fontbox.ttf.CmapSubtable");
    static final String KNOWN_WARNING = "Format 14 cmap table is not supported";

    static {
        CMAP_LOG.setFilter(record -> record.getMessage() == null || !record.getMessage().startsWith(KNOWN_WARNING));
    }

    private TrueTypeFiles() {
    }

    /** The parsed font; the caller closes it. */
    public static TrueTypeFont parse(RandomAccessRead file) throws IOException {
        return new TTFParser().parse(file);
    }
}
