package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.testing.PrintingFixtures;
import dev.shomei.protocol.testing.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class TrueTypeFilesTest {
    private static final String CMAP_LOGGER = "org.apache.fontbox.ttf.CmapSubtable";

    @Test
    void theNameFontsVariationSequencesWarningStaysOutOfTheLogAndOtherWarningsDoNot() throws Exception {
        PrintingFixtures.fontWithNames(); // fails under CI when the name font is missing
        Path nameFont = Path.of(System.getProperty("shomei.nameFont"));
        try (LogCapture cmapLog = LogCapture.of(CMAP_LOGGER)) {
            try (TrueTypeFont font = TrueTypeFiles.parse(new RandomAccessReadBuffer(Files.readAllBytes(nameFont)))) {
                font.getUnicodeCmapLookup(); // reads every cmap subtable, the format 14 one too
                assertTrue(Arrays.stream(font.getCmap().getCmaps()).anyMatch(cmap -> cmap.getPlatformEncodingId() == 5),
                        "IPAmj明朝 has a Unicode variation sequences subtable (platform 0, encoding 5): the warning's cause");
            }
            Logger.getLogger(CMAP_LOGGER).warning("another FontBox warning");
            assertEquals(List.of("WARNING another FontBox warning"), cmapLog.messages());
        }
    }
}
