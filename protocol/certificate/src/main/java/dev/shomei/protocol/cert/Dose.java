package dev.shomei.protocol.cert;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One recorded vaccination.
 *
 * @param number  the dose number, 1-99 (1回目, 2回目, ...)
 * @param country ISO 3166-1 alpha-3 country of vaccination, {@code JPN} for doses given in Japan
 */
public record Dose(int number, LocalDate date, VaccineProduct product, String lotNumber, String country) {
    /** The administering authority both QR formats name for every Japanese dose. */
    public static final String JAPAN_AUTHORITY = "MHLW_Gov_of_Japan";

    private static final Pattern LOT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{0,19}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

    public Dose {
        if (number < 1 || number > 99) {
            throw Fields.invalid("dose number must be 1-99");
        }
        Fields.required("dose date", date);
        Fields.required("dose product", product);
        Fields.matching("lotNumber", lotNumber, LOT, "1-20 letters, digits, ' ', '.', '/' or '-'");
        Fields.matching("dose country", country, COUNTRY, "an ISO 3166-1 alpha-3 code");
    }

    /** A dose given in Japan. */
    public Dose(int number, LocalDate date, VaccineProduct product, String lotNumber) {
        this(number, date, product, lotNumber, "JPN");
    }
}
