package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.CERTIFICATE_ID_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.COPIES_MAX;
import static dev.shomei.protocol.line.LineLimits.PAGES_MAX;
import static dev.shomei.protocol.line.LineLimits.PDF_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.TOTAL_FEE_MAX_YEN;
import static dev.shomei.protocol.line.LineLimits.TRANSACTION_ID_MAX_BYTES;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * center -> kiosk: the certificate is ready. The kiosk shows {@code summary} for the resident to
 * check, takes {@code feeYen}, prints {@code pdf} and reports a {@link PrintOutcome}.
 *
 * <p>The PDF is personal data: the record keeps its own copy, {@link #pdf()} returns a copy,
 * {@link #toString()} prints only its length, and {@link #wipe()} zeroes the record's copy once
 * printed or voided (the one deliberate mutation of this record).
 *
 * @param certificateIds one id per certificate issued (one per copy or one for all copies — the
 *                       center decides), 1..{@value LineLimits#COPIES_MAX}, no repeats
 * @param feeYen         the total fee for all copies
 * @param pages          pages in the PDF
 */
public record IssueResponse(
        String transactionId,
        List<String> certificateIds,
        int feeYen,
        int pages,
        CertificateSummary summary,
        byte[] pdf) implements LineMessage {

    public IssueResponse {
        Checks.identifier("transactionId", transactionId, TRANSACTION_ID_MAX_BYTES);
        certificateIds = List.copyOf(Checks.present("certificateIds", certificateIds));
        Checks.range("certificateIds.size", certificateIds.size(), 1, COPIES_MAX);
        for (String id : certificateIds) {
            Checks.identifier("certificateIds[]", id, CERTIFICATE_ID_MAX_BYTES);
        }
        if (new HashSet<>(certificateIds).size() != certificateIds.size()) {
            throw new IllegalArgumentException("certificateIds must not repeat an id");
        }
        Checks.range("feeYen", feeYen, 0, TOTAL_FEE_MAX_YEN);
        Checks.range("pages", pages, 1, PAGES_MAX);
        Checks.present("summary", summary);
        pdf = Checks.bytes("pdf", pdf, PDF_MAX_BYTES);
    }

    @Override
    public MessageType type() {
        return MessageType.ISSUE_RESPONSE;
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    /** The PDF's length without copying it. */
    public int pdfLength() {
        return pdf.length;
    }

    /** Zeroes this record's copy of the PDF. */
    public void wipe() {
        Arrays.fill(pdf, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IssueResponse that
                && transactionId.equals(that.transactionId)
                && certificateIds.equals(that.certificateIds)
                && feeYen == that.feeYen
                && pages == that.pages
                && summary.equals(that.summary)
                && Arrays.equals(pdf, that.pdf);
    }

    @Override
    public int hashCode() {
        // the PDF stays out of the hash: hashing megabytes buys nothing, equal records still hash equal
        return Objects.hash(transactionId, certificateIds, feeYen, pages, summary);
    }

    @Override
    public String toString() {
        return "IssueResponse[transactionId=" + transactionId
                + ", certificateIds=" + certificateIds
                + ", feeYen=" + feeYen
                + ", pages=" + pages
                + ", summary=" + summary
                + ", pdf=" + pdf.length + " bytes]";
    }
}
