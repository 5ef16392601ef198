package dev.shomei.record.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One completed dose as the municipality recorded it. Health data: {@link #toString()} shows the
 * dose number only.
 *
 * @param product      the vaccine's product name as printed (e.g. コミナティ)
 * @param manufacturer the manufacturer as printed (e.g. ファイザー社)
 * @param ticketNumber 接種券番号, the vaccination ticket number; may be {@code null}
 */
public record Vaccination(
        String id,
        int doseNumber,
        LocalDate date,
        String product,
        String manufacturer,
        String lotNumber,
        String ticketNumber) {

    /** The first COVID-19 vaccination given in Japan: no recorded dose is older. */
    public static final LocalDate FIRST_VACCINATION = LocalDate.of(2021, 2, 17);

    public Vaccination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(lotNumber, "lotNumber");
        if (doseNumber < 1 || doseNumber > 99) {
            throw new IllegalArgumentException("dose number must be 1..99");
        }
    }

    /** The same dose under another id (an import's dose takes the id of the dose it replaces). */
    public Vaccination withId(String otherId) {
        return new Vaccination(otherId, doseNumber, date, product, manufacturer, lotNumber, ticketNumber);
    }

    @Override
    public String toString() {
        return "Vaccination[id=" + id + ", doseNumber=" + doseNumber + ", (details redacted)]";
    }
}
