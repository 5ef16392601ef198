package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.DOSES_MAX;
import static dev.shomei.protocol.line.LineLimits.NAME_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.NATIONALITY_MAX_BYTES;
import static dev.shomei.protocol.line.LineLimits.PASSPORT_NUMBER_MAX_BYTES;

import java.time.LocalDate;
import java.util.List;

/**
 * What the resident checks on the kiosk's confirm screen before paying: the printed name, birth
 * date and doses, and for an overseas certificate the passport data on file (so a resident whose
 * passport was renewed sees the old number and stops before paying). Personal data:
 * {@link #toString()} shows only the number of doses.
 *
 * @param name      the name as printed (kanji)
 * @param nameLatin the name in Roman letters as on the passport, for overseas certificates; empty
 *                  for domestic ones
 * @param nationality    ISO 3166-1 alpha-3 as on file, for overseas certificates; empty for domestic ones
 * @param passportNumber the passport number on file, for overseas certificates; empty for domestic ones
 */
public record CertificateSummary(String name, String nameLatin, LocalDate birthDate, List<DoseSummary> doses,
                                 String nationality, String passportNumber) {

    public CertificateSummary {
        Checks.text("name", name, NAME_MAX_BYTES, false);
        Checks.text("nameLatin", nameLatin, NAME_MAX_BYTES, true);
        Checks.date("birthDate", birthDate);
        doses = List.copyOf(Checks.present("doses", doses));
        Checks.range("doses.size", doses.size(), 1, DOSES_MAX);
        Checks.text("nationality", nationality, NATIONALITY_MAX_BYTES, true);
        Checks.text("passportNumber", passportNumber, PASSPORT_NUMBER_MAX_BYTES, true);
    }

    /** A domestic certificate's summary: no passport data. */
    public CertificateSummary(String name, String nameLatin, LocalDate birthDate, List<DoseSummary> doses) {
        this(name, nameLatin, birthDate, doses, "", "");
    }

    @Override
    public String toString() {
        return "CertificateSummary[(name, birth date and passport redacted), doses=" + doses.size() + "]";
    }
}
