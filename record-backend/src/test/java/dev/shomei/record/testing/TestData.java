package dev.shomei.record.testing;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.CardHolder;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.Ids;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Recognisable test residents: the leak tests search storage for exactly these strings. */
public final class TestData {
    public static final MunicipalityCode BUNKYO = MunicipalityCode.of("131059");
    public static final MunicipalityCode SHINJUKU = MunicipalityCode.of("131041");
    public static final MunicipalityCode CHIYODA = MunicipalityCode.of("131016");

    /** Distinctive values, unlikely to appear in a file by chance. */
    public static final String FAMILY_KANJI = "鷹司";
    public static final String GIVEN_KANJI = "雅楽之助";
    public static final String FAMILY_ROMAN = "TAKATSUKASA";
    public static final String GIVEN_ROMAN = "UTANOSUKE";
    public static final String ADDRESS = "東京都文京区春日一丁目十六番二十一号";
    public static final String PASSPORT = "TZ8812345";
    public static final LocalDate BIRTH = LocalDate.of(1961, 7, 23);

    private TestData() {
    }

    /** A valid My Number from eleven digits (the check digit is appended). */
    public static MyNumber myNumber(String elevenDigits) {
        return MyNumber.of(elevenDigits + MyNumber.checkDigit(elevenDigits));
    }

    public static final MyNumber TAKATSUKASA_MY_NUMBER = myNumber("73019284655");

    public static Resident takatsukasa(MunicipalityCode municipality) {
        return new Resident(Ids.random(), municipality, "A-000101", ResidentStatus.ACTIVE,
                new PersonName(FAMILY_KANJI, GIVEN_KANJI), new PersonName("タカツカサ", "ウタノスケ"),
                new PersonName(FAMILY_ROMAN, GIVEN_ROMAN), BIRTH, "1", ADDRESS, "JPN", PASSPORT, false);
    }

    public static Resident plain(MunicipalityCode municipality, String atena, LocalDate birth) {
        return new Resident(Ids.random(), municipality, atena, ResidentStatus.ACTIVE, new PersonName("山田", "花子"),
                new PersonName("ヤマダ", "ハナコ"), null, birth, "2", "東京都", "JPN", null, false);
    }

    public static List<Vaccination> doses(int count) {
        List<Vaccination> doses = new ArrayList<>();
        String[] products = {"comirnaty", "comirnaty", "spikevax", "comirnaty-ba45", "spikevax-ba45", "comirnaty", "nuvaxovid"};
        LocalDate date = LocalDate.of(2021, 6, 1);
        for (int i = 1; i <= count; i++) {
            doses.add(new Vaccination(Ids.random(), i, date, products[(i - 1) % products.length], "ファイザー社",
                    "FA" + (4000 + i * 7), "T" + (88000000 + i)));
            date = date.plusDays(i < 2 ? 21 : 180);
        }
        return doses;
    }

    public static IssuanceRequest request(String transactionId, MunicipalityCode municipality, MyNumber myNumber,
                                       LocalDate birth, CertificateType type) {
        return new IssuanceRequest(transactionId, municipality.value(), myNumber.digits(),
                new CardHolder("card name", "card address", birth.toString(), "1"), type, 1, "KIOSK-0001");
    }
}
