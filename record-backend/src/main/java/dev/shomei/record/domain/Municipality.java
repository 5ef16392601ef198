package dev.shomei.record.domain;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A municipality and how it takes part in kiosk issuance. Public data.
 *
 * @param mayorTitleJa the issuing authority as printed, e.g. 文京区長
 * @param mayorTitleEn e.g. Mayor of Bunkyo City
 * @param offersOverseas whether kiosks may issue the overseas certificate for it
 * @param opensAt      kiosk service start (inclusive), e.g. 06:30
 * @param closesAt     kiosk service end (exclusive), e.g. 23:00
 */
public record Municipality(
        MunicipalityCode code,
        String nameJa,
        String nameEn,
        String mayorTitleJa,
        String mayorTitleEn,
        boolean kioskParticipating,
        boolean offersOverseas,
        int feePerCopyYen,
        LocalTime opensAt,
        LocalTime closesAt) {

    public static final int DEFAULT_FEE_YEN = 120;
    public static final LocalTime DEFAULT_OPENS_AT = LocalTime.of(6, 30);
    public static final LocalTime DEFAULT_CLOSES_AT = LocalTime.of(23, 0);

    public Municipality {
        Objects.requireNonNull(code, "code");
        requireText("nameJa", nameJa);
        requireText("nameEn", nameEn);
        requireText("mayorTitleJa", mayorTitleJa);
        requireText("mayorTitleEn", mayorTitleEn);
        if (feePerCopyYen < 0 || feePerCopyYen > 100_000) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "fee per copy out of range");
        }
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, field + " must be 1..64 characters");
        }
    }
}
