package dev.shomei.kiosk.device;

/**
 * The kiosk's printer as the session sees it. Prints a certificate PDF straight from memory; the
 * caller wipes the bytes afterwards.
 */
public interface PrinterPort {

    /**
     * Prints the document once (the center puts every copy into the one PDF).
     *
     * @param jobName what the print system shows and logs: never personal (the session uses the transaction id)
     * @param sheets  pages in the document, for the paper count
     * @throws dev.shomei.protocol.ShomeiException PRINTER_ERROR
     */
    void print(byte[] pdf, String jobName, int sheets);

    /** Printer, paper and toner, for the heartbeat. */
    PrinterStatus status();
}
