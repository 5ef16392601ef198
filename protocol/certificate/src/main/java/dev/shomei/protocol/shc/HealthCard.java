package dev.shomei.protocol.shc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a verified SMART Health Card says.
 *
 * @param names         the Patient's names in order (Japan: kanji first, then Roman letters on an overseas card)
 * @param immunizations in bundle order
 * @param rid           the revocation id ({@code vc.rid}), {@code null} when the card has none
 */
public record HealthCard(String issuer, Instant notBefore, String kid, List<Name> names, LocalDate birthDate,
                         List<Immunization> immunizations, String rid) {
    public HealthCard(String issuer, Instant notBefore, String kid, List<Name> names, LocalDate birthDate,
                      List<Immunization> immunizations) {
        this(issuer, notBefore, kid, names, birthDate, immunizations, null);
    }

    public HealthCard {
        names = List.copyOf(names);
        immunizations = List.copyOf(immunizations);
    }

    /** A FHIR HumanName: family name and given names. */
    public record Name(String family, List<String> given) {
        public Name {
            given = List.copyOf(given);
        }

        /** Family and given names joined with spaces. */
        public String text() {
            return family + (given.isEmpty() ? "" : " " + String.join(" ", given));
        }
    }

    /** One Immunization resource. */
    public record Immunization(String cvx, LocalDate date, String lotNumber, String performer) {
    }

    @Override
    public String toString() {
        return "HealthCard[iss=" + issuer + ", kid=" + kid + ", rid=" + rid + ", immunizations=" + immunizations.size() + "]";
    }
}
