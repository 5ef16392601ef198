package dev.shomei.kiosk.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds what it must (so a clean scan means something) and skips what it must. */
class LeftoverScannerTest {
    private static final String NAME = "鴎沢\u3000凛子";
    private static final String MY_NUMBER = "123456789018";

    @TempDir
    Path dir;

    private final Instant start = Instant.now().minusSeconds(5);

    private LeftoverScanner scanner(Path... excluded) {
        return new LeftoverScanner(NAME, MY_NUMBER, List.of(excluded));
    }

    @Test
    void findsTheNameInEveryEncoding() throws Exception {
        int i = 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("Shift_JIS"), Charset.forName("EUC-JP"))) {
            Files.write(dir.resolve("name-" + i++), ("x" + NAME + "y").getBytes(charset));
        }
        Files.writeString(dir.resolve("no-space"), "鴎沢凛子");
        assertEquals(6, scanner().scan(List.of(dir), start).size());
    }

    @Test
    void findsTheMyNumberPlainOrGrouped() throws Exception {
        Files.writeString(dir.resolve("plain.log"), "id=" + MY_NUMBER);
        Files.writeString(dir.resolve("grouped.txt"), "1234 5678 9018");
        Files.write(dir.resolve("wide"), MY_NUMBER.getBytes(StandardCharsets.UTF_16LE));
        var findings = scanner().scan(List.of(dir), start);
        assertEquals(3, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.what().equals("the My Number")));
    }

    @Test
    void flagsAnyPdf() throws Exception {
        Files.write(dir.resolve("spool-d0001-001"), "%PDF-1.7\n...compressed...".getBytes(StandardCharsets.US_ASCII));
        assertEquals("a PDF", scanner().scan(List.of(dir), start).get(0).what());
    }

    @Test
    void withAReaderOnlyTheResidentsPdfsAreFlagged() throws Exception {
        Files.write(dir.resolve("someone-else.pdf"), "%PDF-1.7 other".getBytes(StandardCharsets.US_ASCII));
        Files.write(dir.resolve("theirs.pdf"), "%PDF-1.7 resident".getBytes(StandardCharsets.US_ASCII));
        LeftoverScanner scanner = new LeftoverScanner(NAME, MY_NUMBER, List.of(),
                pdf -> new String(pdf, StandardCharsets.US_ASCII).contains("resident") ? "name: 鴎沢 凛子" : "name: 山田 太郎");
        var findings = scanner.scan(List.of(dir), start);
        assertEquals(1, findings.size());
        assertEquals("theirs.pdf", findings.get(0).file().getFileName().toString());
        assertEquals(2, scanner.filesScanned());
    }

    @Test
    void skipsCleanFilesOldFilesAndExcludedTrees() throws Exception {
        Files.writeString(dir.resolve("clean"), "nothing personal here: 131059 K0001");
        Path old = dir.resolve("old");
        Files.writeString(old, NAME);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(start.minusSeconds(3600)));
        Path card = Files.createDirectories(dir.resolve("card"));
        Files.writeString(card.resolve("card.json"), NAME + MY_NUMBER);
        assertEquals(List.of(), scanner(card).scan(List.of(dir, dir.resolve("missing")), start));
    }
}
