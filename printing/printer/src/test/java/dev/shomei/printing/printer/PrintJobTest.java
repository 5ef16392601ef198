package dev.shomei.printing.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintJobTest {
    private static byte[] pdf() {
        return "%PDF-1.7 山田".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jobNamesCarryNoPersonalDataAndDataMustBeAPdf() {
        assertThrows(ShomeiException.class, () -> new PrintJob("山田太郎", pdf(), 1));
        assertThrows(ShomeiException.class, () -> new PrintJob("a b", pdf(), 1));
        assertThrows(ShomeiException.class, () -> new PrintJob("job", "hello".getBytes(), 1));
        assertThrows(ShomeiException.class, () -> new PrintJob("job", pdf(), 0));
        assertThrows(ShomeiException.class, () -> new PrintJob("job", pdf(), ServiceRules.COPIES_MAX + 1));
        PrintJob job = new PrintJob("cert-0001", pdf(), 2);
        assertFalse(job.toString().contains("山田"));
        job.wipe();
        assertArrayEquals(new byte[pdf().length], job.pdf());
    }

    @Test
    void paperTrayWritesOneFilePerCopyAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Path tray = dir.resolve("tray");
        PaperTrayPrinter printer = new PaperTrayPrinter(tray);
        printer.print(new PrintJob("cert-0001", pdf(), 2));
        try (Stream<Path> files = Files.list(tray)) {
            assertEquals(List.of("cert-0001-1.pdf", "cert-0001-2.pdf"),
                    files.map(file -> file.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(pdf(), Files.readAllBytes(tray.resolve("cert-0001-2.pdf")));
        ShomeiException e = assertThrows(ShomeiException.class,
                () -> printer.print(new PrintJob("cert-0001", pdf(), 1)));
        assertEquals(ErrorCode.PRINTER_ERROR, e.code());
        try (Stream<Path> files = Files.list(tray)) {
            assertTrue(files.noneMatch(file -> file.getFileName().toString().endsWith(".part")));
        }
    }
}
