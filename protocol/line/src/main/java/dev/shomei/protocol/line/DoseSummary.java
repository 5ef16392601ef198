package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.DOSE_NUMBER_MAX;
import static dev.shomei.protocol.line.LineLimits.LOT_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.PRODUCT_TEXT_MAX_BYTES;

import java.time.LocalDate;

/**
 * One dose as printed on the certificate, shown on the kiosk's confirm screen. Health data of a
 * person: {@link #toString()} shows only the dose number.
 */
public record DoseSummary(int doseNumber, LocalDate date, String productName, String manufacturer, String lot) {

    public DoseSummary {
        Checks.range("doseNumber", doseNumber, 1, DOSE_NUMBER_MAX);
        Checks.date("date", date);
        Checks.text("productName", productName, PRODUCT_TEXT_MAX_BYTES, false);
        Checks.text("manufacturer", manufacturer, PRODUCT_TEXT_MAX_BYTES, false);
        Checks.text("lot", lot, LOT_MAX_BYTES, false);
    }

    @Override
    public String toString() {
        return "DoseSummary[doseNumber=" + doseNumber + ", (details redacted)]";
    }
}
