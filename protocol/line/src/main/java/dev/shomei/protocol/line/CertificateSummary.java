package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.DOSES_MAX;
import static dev.shomei.protocol.line.LineLimits.NAME_MAX_BYTES;

import java.time.LocalDate;
import java.util.List;

/**
 * What the resident checks on the kiosk's confirm screen before paying: the printed name, birth
 * date and doses. Personal data: {@link #toString()} shows only the number of doses.
 *
 * @param name      the name as printed (kanji)
 * @param nameLatin the name in Roman letters as on the passport, for overseas certificates; empty
 *                  for domestic ones
 */
public record CertificateSummary(String name, String nameLatin, LocalDate birthDate, List<DoseSummary> doses) {

    public CertificateSummary {
        Checks.text("name", name, NAME_MAX_BYTES, false);
        Checks.text("nameLatin", nameLatin, NAME_MAX_BYTES, true);
        Checks.date("birthDate", birthDate);
        doses = List.copyOf(Checks.present("doses", doses));
        Checks.range("doses.size", doses.size(), 1, DOSES_MAX);
    }

    @Override
    public String toString() {
        return "CertificateSummary[(name and birth date redacted), doses=" + doses.size() + "]";
    }
}
