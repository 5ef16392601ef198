package dev.shomei.protocol.cert;

import dev.shomei.protocol.CertificateType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one certificate states. The record backend builds it from its records; the SMART
 * Health Card, the VDS-NC seal and the PDF are all made from it.
 *
 * @param certificateId 1-12 upper-case letters or digits (it is the VDS-NC {@code uvci})
 * @param passport      required for {@link CertificateType#OVERSEAS}, must be {@code null} for domestic
 * @param doses         1-99 doses with distinct numbers; kept sorted by dose number
 * @param furtherRecords the issuer holds earlier doses this certificate leaves out ({@link LatestDoses}); the
 *                       paper says so. A {@code Boolean}, {@code null} read as {@code false}: answers stored
 *                       before the rule lack the field
 */
public record CertificateContent(String certificateId, CertificateType type, Person person, Passport passport,
                                 List<Dose> doses, IssuingAuthority authority, LocalDate issueDate,
                                 Boolean furtherRecords) {
    private static final Pattern ID = Pattern.compile("[A-Z0-9]{1,12}");

    public CertificateContent {
        Fields.matching("certificateId", certificateId, ID, "1-12 upper-case letters or digits");
        Fields.required("type", type);
        Fields.required("person", person);
        Fields.required("authority", authority);
        Fields.required("issueDate", issueDate);
        if (type == CertificateType.OVERSEAS && passport == null) {
            throw Fields.invalid("an overseas certificate needs passport data");
        }
        if (type == CertificateType.DOMESTIC && passport != null) {
            throw Fields.invalid("a domestic certificate carries no passport data");
        }
        if (doses == null || doses.isEmpty() || doses.size() > 99) {
            throw Fields.invalid("a certificate needs 1-99 doses");
        }
        Set<Integer> numbers = new HashSet<>();
        for (Dose dose : doses) {
            Fields.required("dose", dose);
            if (!numbers.add(dose.number())) {
                throw Fields.invalid("dose numbers must be distinct");
            }
        }
        doses = doses.stream().sorted(Comparator.comparingInt(Dose::number)).toList();
        furtherRecords = Boolean.TRUE.equals(furtherRecords);
    }

    /** A certificate stating exactly {@code doses} (no further records held). */
    public CertificateContent(String certificateId, CertificateType type, Person person, Passport passport,
                              List<Dose> doses, IssuingAuthority authority, LocalDate issueDate) {
        this(certificateId, type, person, passport, doses, authority, issueDate, false);
    }

    /** The certificate issued on {@code issueDate} from every recorded dose: states those {@link LatestDoses} selects. */
    public static CertificateContent fromRecords(String certificateId, CertificateType type, Person person,
                                                 Passport passport, List<Dose> recorded, IssuingAuthority authority,
                                                 LocalDate issueDate) {
        LatestDoses.Selection selection = LatestDoses.of(recorded, issueDate);
        return new CertificateContent(certificateId, type, person, passport, selection.doses(), authority, issueDate,
                selection.furtherRecords());
    }

    /** Whether the certificate carries QR codes: not when the name uses variant kanji. */
    public boolean hasQrCodes() {
        return !person.variantKanji();
    }

    @Override
    public String toString() {
        return "CertificateContent[id=" + certificateId + ", type=" + type + ", doses=" + doses.size()
                + (furtherRecords ? ", further records held" : "") + "]";
    }
}
