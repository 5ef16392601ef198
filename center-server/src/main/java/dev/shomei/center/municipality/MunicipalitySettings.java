package dev.shomei.center.municipality;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one municipality takes part in kiosk issuance, as the operator console shows and edits it.
 * Public data: names, a fee, hours.
 *
 * @param participating  whether kiosks offer it at all
 * @param offersOverseas whether kiosks may issue the overseas certificate (domestic is always offered)
 * @param opensAt        service start, Japan time, inclusive (default 06:30)
 * @param closesAt       service end, Japan time, exclusive (default 23:00)
 */
public record MunicipalitySettings(
        String code,
        String nameJa,
        String nameEn,
        boolean participating,
        boolean offersOverseas,
        int feePerCopyYen,
        LocalTime opensAt,
        LocalTime closesAt) {
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    public static final int FEE_MAX_YEN = 100_000;

    public MunicipalitySettings {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("municipality code must be 6 digits");
        }
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(nameEn, "nameEn");
        if (feePerCopyYen < 0 || feePerCopyYen > FEE_MAX_YEN) {
            throw new IllegalArgumentException("fee per copy must be 0.." + FEE_MAX_YEN + " yen");
        }
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (opensAt.getSecond() != 0 || opensAt.getNano() != 0 || closesAt.getSecond() != 0 || closesAt.getNano() != 0) {
            throw new IllegalArgumentException("service hours are whole minutes");
        }
    }

    public Set<CertificateType> certificateTypes() {
        return offersOverseas ? EnumSet.allOf(CertificateType.class) : EnumSet.of(CertificateType.DOMESTIC);
    }

    public boolean offers(CertificateType type) {
        return certificateTypes().contains(type);
    }

    /** What the kiosk is sent. */
    public MunicipalityInfo toLineInfo() {
        return new MunicipalityInfo(code, nameJa, nameEn, feePerCopyYen, opensAt, closesAt, certificateTypes());
    }

    public MunicipalitySettings withTerms(boolean newParticipating, boolean newOffersOverseas, int newFee,
            LocalTime newOpensAt, LocalTime newClosesAt) {
        return new MunicipalitySettings(code, nameJa, nameEn, newParticipating, newOffersOverseas, newFee,
                newOpensAt, newClosesAt);
    }
}
