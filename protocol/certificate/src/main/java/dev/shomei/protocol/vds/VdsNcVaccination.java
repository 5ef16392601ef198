package dev.shomei.protocol.vds;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code msg} of an {@code icao.vacc} seal, with the field limits of the VDS-NC specification
 * enforced: {@code uvci} &le; 12, {@code n} &le; 39, {@code i} &le; 11, {@code ai} &le; 24,
 * {@code des}/{@code dis} &le; 6, {@code adm}/{@code lot} &le; 20, {@code seq} 1-99. A violation is
 * {@link ErrorCode#INVALID_REQUEST} naming the field.
 *
 * @param additionalId {@code ai}, optional ({@code null})
 */
public record VdsNcVaccination(String uvci, String name, LocalDate birthDate, String passportNumber,
                               String additionalId, List<Event> events) {
    /** The disease: ICD-11 RA01.0, COVID-19. */
    public static final String COVID_19 = "RA01.0";

    private static final Pattern NAME = Pattern.compile("[A-Z]+(?:[ -][A-Z]+)*");

    public VdsNcVaccination {
        limit("uvci", uvci, 12);
        limit("n", name, 39);
        if (!NAME.matcher(name).matches()) {
            throw invalid("n must be upper-case Latin letters");
        }
        if (birthDate == null) {
            throw invalid("dob is missing");
        }
        limit("i", passportNumber, 11);
        if (additionalId != null) {
            limit("ai", additionalId, 24);
        }
        if (events == null || events.isEmpty()) {
            throw invalid("ve needs at least one vaccination event");
        }
        events = List.copyOf(events);
    }

    /** One {@code ve} entry: a vaccine and its doses. */
    public record Event(String des, String nam, String dis, List<Detail> details) {
        public Event {
            limit("des", des, 6);
            limit("nam", nam, 20);
            limit("dis", dis, 6);
            if (details == null || details.isEmpty()) {
                throw invalid("vd needs at least one dose");
            }
            details = List.copyOf(details);
        }
    }

    /** One {@code vd} entry: a dose. */
    public record Detail(LocalDate date, int seq, String country, String adm, String lot) {
        public Detail {
            if (date == null) {
                throw invalid("dvc is missing");
            }
            if (seq < 1 || seq > 99) {
                throw invalid("seq must be 1-99");
            }
            if (country == null || !country.matches("[A-Z]{3}")) {
                throw invalid("ctr must be an ISO 3166-1 alpha-3 code");
            }
            limit("adm", adm, 20);
            limit("lot", lot, 20);
        }
    }

    /** The seal message for an overseas certificate: one {@code ve} entry per dose, as Japan did. */
    public static VdsNcVaccination of(CertificateContent content) {
        if (content.passport() == null) {
            throw invalid("a VDS-NC seal needs passport data");
        }
        List<Event> events = content.doses().stream().map(VdsNcVaccination::event).toList();
        return new VdsNcVaccination(content.certificateId(), content.passport().romanName(),
                content.person().birthDate(), content.passport().number(), null, events);
    }

    private static Event event(Dose dose) {
        return new Event(dose.product().icd11(), dose.product().vdsName(), COVID_19, List.of(
                new Detail(dose.date(), dose.number(), dose.country(), Dose.JAPAN_AUTHORITY, dose.lotNumber())));
    }

    private static void limit(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is missing");
        }
        if (value.length() > max) {
            throw invalid(field + " is longer than " + max + " characters");
        }
    }

    private static ShomeiException invalid(String message) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, "VDS-NC " + message);
    }

    @Override
    public String toString() {
        return "VdsNcVaccination[uvci=" + uvci + ", events=" + events.size() + "]";
    }
}
