package dev.shomei.record.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A resident as the municipality recorded them. Personal data throughout: {@link #toString()} shows
 * ids only. Kana, Roman name, address, nationality and passport number may be {@code null}.
 *
 * @param id          the backend's own id (random, not derived from anything personal)
 * @param atenaNumber 宛名番号, the municipality's own resident number
 * @param sex         ISO 5218: 0 not known, 1 male, 2 female, 9 not applicable
 * @param nationality ISO 3166-1 alpha-3, e.g. JPN
 * @param variantKanji the name is registered in variant kanji (旧字・俗字): certificates print without QR codes
 */
public record Resident(
        String id,
        MunicipalityCode municipality,
        String atenaNumber,
        ResidentStatus status,
        PersonName nameKanji,
        PersonName nameKana,
        PersonName nameRoman,
        LocalDate birthDate,
        String sex,
        String address,
        String nationality,
        String passportNumber,
        boolean variantKanji) {

    /** The earliest birth date a record may carry (the import's and the search's lower bound). */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    public Resident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(municipality, "municipality");
        Objects.requireNonNull(atenaNumber, "atenaNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nameKanji, "nameKanji");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    /** Whether the passport data an overseas certificate needs is on file. */
    public boolean hasPassportData() {
        return passportNumber != null && !passportNumber.isBlank() && nameRoman != null
                && !nameRoman.family().isBlank() && nationality != null && !nationality.isBlank();
    }

    public Resident withStatus(ResidentStatus newStatus) {
        return new Resident(id, municipality, atenaNumber, newStatus, nameKanji, nameKana, nameRoman, birthDate,
                sex, address, nationality, passportNumber, variantKanji);
    }

    @Override
    public String toString() {
        return "Resident[id=" + id + ", municipality=" + municipality + ", status=" + status + ", (personal data redacted)]";
    }
}
