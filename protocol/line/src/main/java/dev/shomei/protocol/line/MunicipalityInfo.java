package dev.shomei.protocol.line;

import static dev.shomei.protocol.line.LineLimits.FEE_PER_COPY_MAX_YEN;
import static dev.shomei.protocol.line.LineLimits.MUNICIPALITY_NAME_MAX_BYTES;

import dev.shomei.protocol.CertificateType;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One municipality a resident can choose at the kiosk: public data, nothing personal.
 *
 * <p>Service hours are whole minutes. The municipality is open when {@code opensAt <= t <
 * closesAt}; when {@code closesAt} is not after {@code opensAt} the window runs past midnight, and
 * equal times mean open all day.
 *
 * <p>The prefecture is the code's first two digits (JIS X 0401, 01 北海道 .. 47 沖縄県).
 *
 * @param code                 the 6-digit local government code (e.g. 131059 for Bunkyo)
 * @param nameEn               the romanised name; empty where none is known (the national list has none)
 * @param certificateTypes     the certificate types offered at kiosks, at least one
 * @param nameKana             the reading in hiragana (ぶんきょうく), the kiosk's sort and index key;
 *                             empty in the old {@link MunicipalityListResponse}, which does not carry it
 * @param participating        whether it issues at kiosks at all; {@link MunicipalityCatalogResponse}
 *                             lists every municipality so a resident learns plainly that theirs does
 *                             not take part (its terms are then meaningless)
 */
public record MunicipalityInfo(
        String code,
        String nameJa,
        String nameEn,
        int feePerCopyYen,
        LocalTime opensAt,
        LocalTime closesAt,
        Set<CertificateType> certificateTypes,
        String nameKana,
        boolean participating) {

    public MunicipalityInfo {
        Checks.municipalityCode("code", code);
        Checks.text("nameJa", nameJa, MUNICIPALITY_NAME_MAX_BYTES, false);
        Checks.text("nameEn", nameEn, MUNICIPALITY_NAME_MAX_BYTES, true);
        Checks.text("nameKana", nameKana, MUNICIPALITY_NAME_MAX_BYTES, true);
        Checks.range("feePerCopyYen", feePerCopyYen, 0, FEE_PER_COPY_MAX_YEN);
        wholeMinute("opensAt", opensAt);
        wholeMinute("closesAt", closesAt);
        Checks.present("certificateTypes", certificateTypes);
        if (certificateTypes.isEmpty()) {
            throw new IllegalArgumentException("certificateTypes must not be empty");
        }
        certificateTypes = Collections.unmodifiableSet(EnumSet.copyOf(certificateTypes));
    }

    /** A participating municipality without a reading (what the old list message carries). */
    public MunicipalityInfo(String code, String nameJa, String nameEn, int feePerCopyYen, LocalTime opensAt,
            LocalTime closesAt, Set<CertificateType> certificateTypes) {
        this(code, nameJa, nameEn, feePerCopyYen, opensAt, closesAt, certificateTypes, "", true);
    }

    /** The JIS X 0401 prefecture code, 1..47: the code's first two digits. */
    public int prefectureCode() {
        return Integer.parseInt(code.substring(0, 2));
    }

    /** Whether {@code time} falls inside the service hours. */
    public boolean isOpenAt(LocalTime time) {
        if (opensAt.equals(closesAt)) {
            return true;
        }
        if (opensAt.isBefore(closesAt)) {
            return !time.isBefore(opensAt) && time.isBefore(closesAt);
        }
        return !time.isBefore(opensAt) || time.isBefore(closesAt);
    }

    public boolean offers(CertificateType type) {
        return participating && certificateTypes.contains(type);
    }

    private static void wholeMinute(String field, LocalTime time) {
        Checks.present(field, time);
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException(field + " must be a whole minute");
        }
    }
}
