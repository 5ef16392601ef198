package dev.shomei.bench.pdf;

import dev.shomei.bench.fixture.SampleCertificates;
import dev.shomei.protocol.CertificateType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a rendered certificate must be besides fast: small (the target is 50 KB for a 3-dose
 * domestic one) and with text that still extracts correctly (no ligature glyph or missing
 * character in the way).
 *
 * @param missing the expected strings the extracted text lacks; empty when extraction is correct
 */
public record PdfCheck(CertificateType type, int bytes, int pages, List<String> missing) {
    public static final int MAX_DOMESTIC_BYTES = 50 * 1024;

    public static PdfCheck of(CertificateType type, byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            List<String> missing = SampleCertificates.expectedText(type).stream().filter(s -> !text.contains(s)).toList();
            return new PdfCheck(type, pdf.length, document.getNumberOfPages(), missing);
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered PDF does not load", e);
        }
    }

    public boolean textExtracts() {
        return missing.isEmpty();
    }

    /** Size within the target: only the domestic one has a size target. */
    public boolean sizeMet() {
        return type != CertificateType.DOMESTIC || bytes <= MAX_DOMESTIC_BYTES;
    }

    public String describe() {
        return String.format("%-8s 3 doses: %,d bytes (%.1f KB), %d page(s), text extraction %s", type.name().toLowerCase(),
                bytes, bytes / 1024.0, pages, textExtracts() ? "correct" : "BROKEN, missing " + missing);
    }
}
