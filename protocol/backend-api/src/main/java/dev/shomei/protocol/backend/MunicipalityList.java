package dev.shomei.protocol.backend;

import java.util.List;

/** Every municipality the backend holds, with how it takes part in kiosk issuance. Public data. */
public record MunicipalityList(List<Entry> municipalities) {

    /**
     * One municipality.
     *
     * @param opensAt  kiosk service start, {@code HH:mm} (inclusive)
     * @param closesAt kiosk service end, {@code HH:mm} (exclusive)
     */
    public record Entry(String code, String nameJa, String nameEn, String mayorTitleJa, String mayorTitleEn,
                        boolean kioskParticipating, boolean offersOverseas, int feePerCopyYen, String opensAt,
                        String closesAt) {
    }
}
