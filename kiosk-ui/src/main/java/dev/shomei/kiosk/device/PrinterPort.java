package dev.shomei.kiosk.device;

/**
 * The kiosk's printer as the session sees it. Prints a certificate PDF straight from memory; the
 * caller wipes the bytes afterwards.
 */
public interface PrinterPort {

    /**
     * Prints the document once (the center puts every copy into the PDF).
     *
     * @throws dev.shomei.protocol.ShomeiException PRINTER_ERROR
     */
    void print(byte[] pdf);

    /** Printer, paper and toner, for the heartbeat and the pre-session check. */
    PrinterStatus status();
}
