package dev.shomei.kiosk.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.printing.printer.Printer;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.DeviceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPrinterTest {
    private static final byte[] PDF = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tray;

    @Test
    void aTrayPrinterPutsTheJobIntoTheTray() throws Exception {
        PrinterPort printer = Printers.open("tray:" + tray);
        printer.print(PDF.clone(), "certificate-tx1", 2);
        assertArrayEquals(PDF, Files.readAllBytes(tray.resolve("certificate-tx1-1.pdf")));
        assertEquals(1, Files.list(tray).count(), "one document, every copy inside it");
    }

    @Test
    void paperAndTonerAreCounted() {
        JobPrinter printer = new JobPrinter(job -> { }, 10, 20);
        assertEquals(new PrinterStatus(DeviceStatus.OK, 100, 100), printer.status());
        printer.print(PDF.clone(), "job", 5);
        assertEquals(new PrinterStatus(DeviceStatus.OK, 50, 75), printer.status());
        printer.print(PDF.clone(), "job2", 5);
        assertEquals(new PrinterStatus(DeviceStatus.WARNING, 0, 50), printer.status());
    }

    @Test
    void aFailedJobIsAFaultUntilOneSucceeds() {
        AtomicBoolean failing = new AtomicBoolean(true);
        Printer inner = job -> {
            if (failing.get()) {
                throw new ShomeiException(ErrorCode.PRINTER_ERROR, "jam");
            }
        };
        JobPrinter printer = new JobPrinter(inner, 100, 100);
        assertEquals(ErrorCode.PRINTER_ERROR,
                assertThrows(ShomeiException.class, () -> printer.print(PDF.clone(), "job", 1)).code());
        assertEquals(DeviceStatus.FAULT, printer.status().printer());
        assertEquals(100, printer.status().paperPercent(), "nothing printed, nothing counted");
        failing.set(false);
        printer.print(PDF.clone(), "job", 1);
        assertEquals(DeviceStatus.OK, printer.status().printer());
    }

    @Test
    void printerSpecsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Printers.open("tray:"));
        assertThrows(IllegalArgumentException.class, () -> Printers.open("ipp:"));
        assertThrows(IllegalArgumentException.class, () -> Printers.open("lpr:x"));
        assertThrows(IllegalArgumentException.class, () -> Printers.open("ipp:bad queue"));
        Printers.open("ipp:kiosk");
        Printers.open("ipp://127.0.0.1:631/printers/kiosk");
    }
}
