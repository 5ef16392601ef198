package dev.shomei.kiosk.device;

import dev.shomei.printing.printer.IppPrinter;
import dev.shomei.printing.printer.PaperTrayPrinter;
import dev.shomei.printing.printer.Printer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The printer named on the command line: {@code tray:DIR} (the demo's paper tray: PDFs in a
 * directory, the resident's paper), {@code ipp:QUEUE} (a queue of the local CUPS), or
 * {@code ipp://host:631/printers/QUEUE}. IPP jobs go from memory, never through a file.
 */
public final class Printers {
    /** How long a print may take before the kiosk calls it failed (and refunds). */
    public static final Duration PRINT_TIMEOUT = Duration.ofSeconds(90);
    static final int PAPER_SHEETS = 500;
    static final int TONER_PAGES = 5000;

    private Printers() {
    }

    public static PrinterPort open(String spec) {
        return new JobPrinter(printer(spec), PAPER_SHEETS, TONER_PAGES);
    }

    static Printer printer(String spec) {
        if (spec.startsWith("tray:") && spec.length() > "tray:".length()) {
            return new PaperTrayPrinter(Path.of(spec.substring("tray:".length())));
        }
        if (spec.startsWith("ipp://")) {
            return new IppPrinter(URI.create(spec), PRINT_TIMEOUT);
        }
        if (spec.startsWith("ipp:") && spec.length() > "ipp:".length()) {
            return IppPrinter.localCups(spec.substring("ipp:".length()), PRINT_TIMEOUT);
        }
        throw new IllegalArgumentException("printer must be tray:DIR, ipp:QUEUE or ipp://host:port/printers/QUEUE");
    }
}
