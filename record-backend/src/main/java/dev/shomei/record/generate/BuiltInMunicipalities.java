package dev.shomei.record.generate;

import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import java.util.List;
import java.util.Optional;

/**
 * Municipalities the demo and {@code generate} create when missing: three Tokyo wards that take part
 * in kiosk issuance and one that does not (to show the refusal). Codes carry their check digits.
 */
public final class BuiltInMunicipalities {
    private static final List<Municipality> ALL = List.of(
            ward("131059", "文京区", "Bunkyo City", "文京区長", "Mayor of Bunkyo City", true),
            ward("131041", "新宿区", "Shinjuku City", "新宿区長", "Mayor of Shinjuku City", true),
            ward("131032", "港区", "Minato City", "港区長", "Mayor of Minato City", true),
            ward("131016", "千代田区", "Chiyoda City", "千代田区長", "Mayor of Chiyoda City", false));

    private BuiltInMunicipalities() {
    }

    public static List<Municipality> all() {
        return ALL;
    }

    public static Optional<Municipality> find(MunicipalityCode code) {
        return ALL.stream().filter(municipality -> municipality.code().equals(code)).findFirst();
    }

    private static Municipality ward(String code, String nameJa, String nameEn, String mayorJa, String mayorEn,
                                     boolean participating) {
        return new Municipality(MunicipalityCode.of(code), nameJa, nameEn, mayorJa, mayorEn, participating, true,
                Municipality.DEFAULT_FEE_YEN, Municipality.DEFAULT_OPENS_AT, Municipality.DEFAULT_CLOSES_AT);
    }
}
