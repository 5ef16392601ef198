package dev.shomei.record.issue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.IssuingAuthority;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.cert.VaccineProduct;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import java.time.LocalDate;
import java.util.List;

/** Builds what a certificate states from the municipality's records (the latest doses, see {@code LatestDoses}). */
public final class CertificateContents {
    private final VaccineCatalog catalog;

    public CertificateContents(VaccineCatalog catalog) {
        this.catalog = catalog;
    }

    public CertificateContent build(String certificateId, CertificateType type, Municipality municipality,
                                    Resident resident, List<Vaccination> doses, LocalDate issueDate) {
        return build(certificateId, type, municipality, resident, null, doses, issueDate);
    }

    /** With the resident's former or alternative name ({@code null}: none), printed beside the name. */
    public CertificateContent build(String certificateId, CertificateType type, Municipality municipality,
                                    Resident resident, AlternativeName alternativeName, List<Vaccination> doses,
                                    LocalDate issueDate) {
        Person person = new Person(resident.nameKanji().family(), resident.nameKanji().given(), resident.birthDate(),
                resident.variantKanji(), alternativeName);
        Passport passport = type == CertificateType.OVERSEAS ? passport(resident) : null;
        List<Dose> certified = doses.stream()
                .map(dose -> new Dose(dose.doseNumber(), dose.date(), product(dose.product()), dose.lotNumber()))
                .toList();
        IssuingAuthority authority = new IssuingAuthority(municipality.code().value(), municipality.mayorTitleJa(),
                municipality.mayorTitleEn());
        // at most the latest five doses from 2023-06-19 (LatestDoses): paper and QR codes alike
        return CertificateContent.fromRecords(certificateId, type, person, passport, certified, authority, issueDate);
    }

    /** The catalog entry of a stored product code; a code the catalog lacks prints as the unspecified vaccine. */
    public VaccineProduct product(String code) {
        return catalog.byCode(code).orElseGet(() -> catalog.byCvx(VaccineCatalog.UNSPECIFIED_CVX).orElseThrow());
    }

    public VaccineCatalog catalog() {
        return catalog;
    }

    private static Passport passport(Resident resident) {
        return new Passport(resident.nameRoman().family(), resident.nameRoman().given(), resident.nationality(),
                resident.passportNumber());
    }
}
