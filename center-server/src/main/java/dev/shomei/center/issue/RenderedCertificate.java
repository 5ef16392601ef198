package dev.shomei.center.issue;

import java.util.Arrays;

/** A rendered certificate PDF: personal data, wiped once sent. */
public record RenderedCertificate(byte[] pdf, int pages) {
    public void wipe() {
        Arrays.fill(pdf, (byte) 0);
    }

    @Override
    public String toString() {
        return "RenderedCertificate[" + pdf.length + " bytes, " + pages + " pages]";
    }
}
