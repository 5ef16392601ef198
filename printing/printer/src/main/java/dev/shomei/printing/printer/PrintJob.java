package dev.shomei.printing.printer;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One print job: a name that the print system shows and logs (so it must never carry personal data:
 * letters, digits, {@code .}, {@code _}, {@code -} only), the PDF bytes, and the number of copies.
 * The job holds the caller's array (no copy, so {@link #wipe()} clears the only one).
 */
public final class PrintJob {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String name;
    private final byte[] pdf;
    private final int copies;

    public PrintJob(String name, byte[] pdf, int copies) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST,
                    "print job name must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (pdf == null || pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "print job data is not a PDF");
        }
        if (copies < 1 || copies > ServiceRules.COPIES_MAX) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "copies must be 1-" + ServiceRules.COPIES_MAX);
        }
        this.name = name;
        this.pdf = pdf;
        this.copies = copies;
    }

    public String name() {
        return name;
    }

    /** The PDF bytes themselves (not a copy). */
    public byte[] pdf() {
        return pdf;
    }

    public int copies() {
        return copies;
    }

    /** Overwrites the PDF bytes with zeros, once the job is printed or abandoned. */
    public void wipe() {
        Arrays.fill(pdf, (byte) 0);
    }

    @Override
    public String toString() {
        return "PrintJob[" + name + ", " + pdf.length + " bytes, copies=" + copies + "]";
    }
}
