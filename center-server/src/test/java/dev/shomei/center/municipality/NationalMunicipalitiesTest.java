package dev.shomei.center.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped national list: every municipality that issues, none twice, every prefecture. */
class NationalMunicipalitiesTest {
    private final List<NationalMunicipality> all = NationalMunicipalities.shipped();

    @Test
    void holdsThe1741MunicipalitiesWithoutTheDesignatedCitiesWards() {
        assertEquals(1741, all.size());
        assertEquals(1741, all.stream().map(NationalMunicipality::code).distinct().count(), "no code twice");
        assertTrue(all.stream().anyMatch(m -> m.name().equals("札幌市")), "the designated city is listed");
        assertFalse(all.stream().anyMatch(m -> m.name().contains(" ") || m.name().startsWith("札幌市中央")),
                "its administrative wards are not");
        assertEquals(23, all.stream().filter(m -> m.prefectureCode() == 13 && m.name().endsWith("区")).count(),
                "Tokyo's 23 special wards issue themselves");
    }

    @Test
    void everyPrefectureIsPresentAndMatchesTheCode() {
        Set<Integer> prefectures = all.stream().map(NationalMunicipality::prefectureCode).collect(Collectors.toSet());
        assertEquals(47, prefectures.size());
        assertTrue(prefectures.contains(1) && prefectures.contains(47));
        NationalMunicipality naha = find("472018");
        assertEquals("沖縄県", naha.prefecture());
        assertEquals("那覇市", naha.name());
        assertEquals("なはし", naha.kana());
        assertEquals("北海道", find("012149").prefecture());
        assertEquals(1, all.stream().map(m -> m.prefecture() + m.prefectureCode()).filter(p -> p.startsWith("東京都"))
                .distinct().count(), "one prefecture name per prefecture code");
    }

    @Test
    void everyCodeCarriesItsCheckDigit() {
        for (NationalMunicipality m : all) {
            int sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += (m.code().charAt(i) - '0') * (6 - i);
            }
            assertEquals((11 - sum % 11) % 10, m.code().charAt(5) - '0', m.code());
        }
    }

    @Test
    void aMalformedRowNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NationalMunicipalities.read(
                new StringReader("code,prefecture,name,kana\n131059,東京都,文京区,ぶんきょうく\n13105,東京都,港区,みなとく\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NationalMunicipalities.read(
                new StringReader("code,prefecture,name,kana\n131059,東京都,文京区,Bunkyo\n")), "reading must be hiragana");
    }

    private NationalMunicipality find(String code) {
        return all.stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }
}
