package dev.shomei.center.municipality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gojūon order with dakuten, handakuten and small kana, as a Japanese index sorts. */
class KanaOrderTest {

    @Test
    void voicedKanaFollowTheirPlainKanaBeforeTheNextSyllable() {
        assertOrder("はし", "ばし", "ぱし", "ひ");
        // a dakuten does not move a reading out of its row: がまごおり sorts as かまこおり
        assertOrder("かまくらし", "がまごおりし", "かわさきし", "きたし");
        assertOrder("ち", "ぢ", "つ");
    }

    @Test
    void smallKanaSortAsTheirLargeFormAndAShorterReadingFirst() {
        // さっぽろし: っ sorts as つ, so before さつまちょう (ほ < ま); ゆ before ゅう-less readings
        assertOrder("さっぽろし", "さつませんだいし");
        assertOrder("わかさちょう", "わっかないし");
        assertOrder("きょうとし", "きよせし");
        assertOrder("あ", "あい", "あいかわまち");
    }

    @Test
    void theCatalogSortsEachPrefectureByReadingNotByCode() {
        MunicipalityCatalog catalog = new MunicipalityCatalog(new dev.shomei.center.testing.FakeMunicipalities());
        var hokkaido = catalog.nationwide().stream().filter(m -> m.prefectureCode() == 1).toList();
        assertEquals("あいべつちょう", hokkaido.get(0).nameKana(), "愛別町 first, though Sapporo has the lowest code");
        var readings = hokkaido.stream().map(m -> m.nameKana()).toList();
        var sorted = new ArrayList<>(readings);
        sorted.sort(KanaOrder.readings());
        assertEquals(sorted, readings);
        assertEquals(List.of("わっかないし", "わっさむちょう"), readings.subList(readings.size() - 2, readings.size()));
    }

    private static void assertOrder(String... expected) {
        List<String> shuffled = new ArrayList<>(List.of(expected));
        java.util.Collections.reverse(shuffled);
        shuffled.sort(KanaOrder.readings());
        assertEquals(List.of(expected), shuffled);
    }
}
