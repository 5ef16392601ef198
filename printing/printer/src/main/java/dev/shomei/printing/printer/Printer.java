package dev.shomei.printing.printer;

/**
 * Something that puts a certificate on paper.
 *
 * <p>{@link #print(PrintJob)} returns when the job is done; it throws
 * {@link dev.shomei.protocol.ShomeiException} with {@link dev.shomei.protocol.ErrorCode#PRINTER_ERROR}
 * when the job was refused, failed or did not finish in time (the kiosk then voids the issuance).
 */
public interface Printer {
    void print(PrintJob job);
}
