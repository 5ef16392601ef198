package dev.shomei.protocol.backend;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.IssuingAuthority;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.cert.VaccineProduct;
import java.time.LocalDate;
import java.util.List;

/**
 * A {@link SignedCertificate} on the wire: the content to print and the signed QR payloads. Each
 * dose carries its whole product entry, so the center prints the labels the backend's catalog holds.
 * {@link #toSignedCertificate()} validates everything again.
 *
 * @param smartHealthCard compact JWS, {@code null} when the certificate has no QR codes (variant kanji)
 * @param vdsNc           signed VDS-NC JSON for an overseas certificate with QR codes, else {@code null}
 */
public record CertificateDto(
        String certificateId,
        CertificateType type,
        PersonDto person,
        Passport passport,
        List<DoseDto> doses,
        IssuingAuthority authority,
        String issueDate,
        String smartHealthCard,
        String vdsNc) {

    /** The person: {@code birthDate} as {@code YYYY-MM-DD}. */
    public record PersonDto(String familyName, String givenName, String birthDate, boolean variantKanji) {
        @Override
        public String toString() {
            return "PersonDto[redacted]";
        }
    }

    /** One dose: {@code date} as {@code YYYY-MM-DD}. */
    public record DoseDto(int number, String date, VaccineProduct product, String lotNumber, String country) {
    }

    public static CertificateDto from(SignedCertificate signed) {
        CertificateContent content = signed.content();
        Person person = content.person();
        return new CertificateDto(content.certificateId(), content.type(),
                new PersonDto(person.familyName(), person.givenName(), person.birthDate().toString(), person.variantKanji()),
                content.passport(),
                content.doses().stream().map(dose -> new DoseDto(dose.number(), dose.date().toString(), dose.product(),
                        dose.lotNumber(), dose.country())).toList(),
                content.authority(), content.issueDate().toString(), signed.smartHealthCard(), signed.vdsNc());
    }

    /** Back to the validated value types; malformed fields throw {@code ShomeiException(INVALID_REQUEST)}. */
    public SignedCertificate toSignedCertificate() {
        try {
            Person holder = new Person(person.familyName(), person.givenName(), LocalDate.parse(person.birthDate()),
                    person.variantKanji());
            List<Dose> values = doses.stream().map(dose -> new Dose(dose.number(), LocalDate.parse(dose.date()),
                    dose.product(), dose.lotNumber(), dose.country())).toList();
            CertificateContent content = new CertificateContent(certificateId, type, holder, passport, values, authority,
                    LocalDate.parse(issueDate));
            return new SignedCertificate(content, smartHealthCard, vdsNc);
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new dev.shomei.protocol.ShomeiException(dev.shomei.protocol.ErrorCode.INVALID_REQUEST,
                    "certificate has a missing or malformed field");
        }
    }

    @Override
    public String toString() {
        return "CertificateDto[certificateId=" + certificateId + ", type=" + type + ", doses="
                + (doses == null ? 0 : doses.size()) + ", (personal data redacted)]";
    }
}
