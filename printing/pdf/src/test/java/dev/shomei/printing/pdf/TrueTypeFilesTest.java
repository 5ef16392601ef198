package dev.shomei.printing.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.printing.testing.PrintingFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class TrueTypeFilesTest {
    @Test
    void theNameFontsVariationSequencesWarningStaysOutOfTheLogAndOtherWarningsDoNot() throws Exception {
        PrintingFixtures.fontWithNames(); // fails under CI when the name font is missing
        Path nameFont = Path.of(System.getProperty("shomei.nameFont"));
        Logger cmapLog = Logger.getLogger("org.apache.fontbox.ttf.CmapSubtable");
        List<String> published = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                published.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = cmapLog.getLevel();
        cmapLog.setLevel(java.util.logging.Level.ALL); // the test runs' logging.properties quiets FontBox
        cmapLog.addHandler(capture);
        try (TrueTypeFont font = TrueTypeFiles.parse(new RandomAccessReadBuffer(Files.readAllBytes(nameFont)))) {
            font.getUnicodeCmapLookup(); // reads every cmap subtable, the format 14 one too
            assertTrue(Arrays.stream(font.getCmap().getCmaps()).anyMatch(cmap -> cmap.getPlatformEncodingId() == 5),
                    "IPAmj明朝 has a Unicode variation sequences subtable (platform 0, encoding 5): the warning's cause");
            cmapLog.warning("another FontBox warning");
        } finally {
            cmapLog.removeHandler(capture);
            cmapLog.setLevel(before);
        }
        assertEquals(List.of("another FontBox warning"), published);
    }
}
