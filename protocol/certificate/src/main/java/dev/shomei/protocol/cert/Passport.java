package dev.shomei.protocol.cert;

import java.util.regex.Pattern;

/**
 * Passport data on file for an overseas certificate (from the passport's machine-readable zone):
 * the name in upper-case Latin letters, the nationality and the passport number.
 *
 * @param nationality ISO 3166-1 alpha-3 code, e.g. {@code JPN}
 */
public record Passport(String surname, String givenNames, String nationality, String number) {
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Z]+(?:[ -][A-Z]+)*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PASSPORT_NUMBER = Pattern.compile("[A-Z0-9]{1,11}");

    public Passport {
        Fields.matching("surname", surname, LATIN_NAME, "upper-case Latin letters");
        Fields.matching("givenNames", givenNames, LATIN_NAME, "upper-case Latin letters");
        Fields.matching("nationality", nationality, COUNTRY, "an ISO 3166-1 alpha-3 code");
        Fields.matching("number", number, PASSPORT_NUMBER, "1-11 upper-case letters or digits");
    }

    /** Surname, a space, given names: the VDS-NC {@code n} field and the printed Roman name. */
    public String romanName() {
        return surname + " " + givenNames;
    }

    @Override
    public String toString() {
        return "Passport[redacted]";
    }
}
