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
 */
public record CertificateContent(String certificateId, CertificateType type, Person person, Passport passport,
                                 List<Dose> doses, IssuingAuthority authority, LocalDate issueDate) {
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
    }

    /** Whether the certificate carries QR codes: not when the name uses variant kanji. */
    public boolean hasQrCodes() {
        return !person.variantKanji();
    }

    @Override
    public String toString() {
        return "CertificateContent[id=" + certificateId + ", type=" + type + ", doses=" + doses.size() + "]";
    }
}
