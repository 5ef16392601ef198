package dev.shomei.protocol.backend;

/**
 * The basic four items (基本4情報) from the card, as the center verified them. The backend checks
 * the birth date against its record; name, address and sex are recorded nowhere. Personal data.
 *
 * @param birthDate ISO date, {@code YYYY-MM-DD}
 * @param sex       as on the card (JIS X 0303): 0 not known, 1 male, 2 female, 9 not applicable
 */
public record CardHolder(String name, String address, String birthDate, String sex) {

    @Override
    public String toString() {
        return "CardHolder[redacted]";
    }
}
