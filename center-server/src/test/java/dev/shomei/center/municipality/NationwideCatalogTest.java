package dev.shomei.center.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.testing.FakeMunicipalities;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kiosks' nationwide list: every municipality, only those with a backend area taking part. */
class NationwideCatalogTest {
    private final MunicipalityCatalog catalog = new MunicipalityCatalog(new FakeMunicipalities());

    @Test
    void listsEveryMunicipalityOnceInPrefectureOrder() {
        List<MunicipalityInfo> all = catalog.nationwide();
        assertEquals(1741, all.size());
        assertEquals(1741, all.stream().map(MunicipalityInfo::code).distinct().count());
        Set<Integer> prefectures = all.stream().map(MunicipalityInfo::prefectureCode).collect(Collectors.toSet());
        assertEquals(47, prefectures.size());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).prefectureCode() <= all.get(i).prefectureCode(), "prefecture order at " + i);
        }
        assertTrue(all.stream().allMatch(m -> !m.nameKana().isEmpty()), "every entry has its reading");
        // the whole list fits one line message
        assertEquals(1741, new MunicipalityCatalogResponse(all).municipalities().size());
    }

    @Test
    void onlyMunicipalitiesWithABackendAreaAndEnabledTakePart() {
        List<MunicipalityInfo> all = catalog.nationwide();
        assertEquals(Set.of(FakeMunicipalities.BUNKYO, FakeMunicipalities.CHIYODA), all.stream()
                .filter(MunicipalityInfo::participating).map(MunicipalityInfo::code).collect(Collectors.toSet()));
        MunicipalityInfo bunkyo = find(all, FakeMunicipalities.BUNKYO);
        assertEquals("Bunkyo City", bunkyo.nameEn(), "the backend's names and terms win");
        assertEquals("ぶんきょうく", bunkyo.nameKana(), "the reading comes from the national list");
        assertTrue(bunkyo.offers(CertificateType.OVERSEAS));
        MunicipalityInfo disabled = find(all, FakeMunicipalities.NOT_PARTICIPATING);
        assertFalse(disabled.participating(), "a backend area the operator has not enabled");
        MunicipalityInfo naha = find(all, "472018");
        assertFalse(naha.participating());
        assertFalse(naha.offers(CertificateType.DOMESTIC));
        assertEquals("那覇市", naha.nameJa());
        assertEquals("", naha.nameEn(), "no romanised name is invented");
        assertEquals(2, catalog.forKiosks().size(), "the old list still holds the participating ones only");
    }

    private static MunicipalityInfo find(List<MunicipalityInfo> all, String code) {
        return all.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }
}
