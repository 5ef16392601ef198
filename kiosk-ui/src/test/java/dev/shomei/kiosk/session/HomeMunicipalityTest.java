package dev.shomei.kiosk.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shomei.card.data.BasicInfo;
import dev.shomei.card.data.BasicInfoFile;
import dev.shomei.card.data.Sex;
import dev.shomei.kiosk.testing.FakeCenter;
import dev.shomei.protocol.line.MunicipalityInfo;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card address's municipality, from the nationwide list the center sends. */
class HomeMunicipalityTest {
    private static final List<MunicipalityInfo> JAPAN = FakeCenter.defaultMunicipalities();

    @Test
    void findsTheWardCityTownOrVillageAfterThePrefecture() {
        assertEquals("131059", home("東京都文京区春日一丁目１６番２１号"));
        assertEquals("472018", home("沖縄県那覇市泉崎一丁目１番１号"));
        assertEquals("011002", home("北海道札幌市中央区北一条西二丁目"), "a designated city's ward: the city issues");
    }

    @Test
    void skipsTheDistrictOfATownOrVillage() {
        assertEquals("014532", home("北海道上川郡東神楽町南一条西一丁目"));
        assertEquals("343021", home("広島県安芸郡府中町大通三丁目"), "府中町, not 広島県's 府中市");
        assertEquals("072036", home("福島県郡山市朝日一丁目"), "郡 inside a city's name is no district");
        assertEquals("292036", home("奈良県大和郡山市北郡山町"));
    }

    @Test
    void thePrefectureDecidesBetweenNamesakes() {
        assertEquals("132063", home("東京都府中市宮西町"));
        assertEquals("342084", home("広島県府中市府川町"));
    }

    @Test
    void noMatchOrNoReadableFileGivesNoShortcut() {
        assertNull(home("Tokyo, Bunkyo"));
        assertNull(home("東京都"));
        assertNull(HomeMunicipality.of("not a basic-info file".getBytes(StandardCharsets.UTF_8), JAPAN));
        assertNull(HomeMunicipality.of(ef0002("東京都文京区春日"), List.of()));
    }

    private static String home(String address) {
        return HomeMunicipality.of(ef0002(address), JAPAN);
    }

    private static byte[] ef0002(String address) {
        return BasicInfoFile.encode(new BasicInfo("山田　花子", address, LocalDate.of(1980, 4, 1), Sex.FEMALE));
    }
}
