package dev.shomei.record.generate;

import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.importer.ImportedResident;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic residents for the demo and benchmarks: common Japanese names (kanji, kana, Roman
 * letters), valid My Numbers, 1-7 doses with plausible dates and products, passport data for about
 * half, a few moved out or deceased. The same seed gives the same residents (ids aside), so a
 * repeated {@code generate} with one seed adds nobody twice (atena numbers repeat).
 */
public final class SyntheticResidents {
    private record Name(String kanji, String kana, String roman) {
    }

    private static final List<Name> FAMILY = List.of(
            new Name("佐藤", "サトウ", "SATO"), new Name("鈴木", "スズキ", "SUZUKI"), new Name("高橋", "タカハシ", "TAKAHASHI"),
            new Name("田中", "タナカ", "TANAKA"), new Name("伊藤", "イトウ", "ITO"), new Name("渡辺", "ワタナベ", "WATANABE"),
            new Name("山本", "ヤマモト", "YAMAMOTO"), new Name("中村", "ナカムラ", "NAKAMURA"), new Name("小林", "コバヤシ", "KOBAYASHI"),
            new Name("加藤", "カトウ", "KATO"), new Name("吉田", "ヨシダ", "YOSHIDA"), new Name("山田", "ヤマダ", "YAMADA"),
            new Name("佐々木", "ササキ", "SASAKI"), new Name("山口", "ヤマグチ", "YAMAGUCHI"), new Name("松本", "マツモト", "MATSUMOTO"),
            new Name("井上", "イノウエ", "INOUE"), new Name("木村", "キムラ", "KIMURA"), new Name("林", "ハヤシ", "HAYASHI"),
            new Name("清水", "シミズ", "SHIMIZU"), new Name("森", "モリ", "MORI"));
    private static final List<Name> GIVEN = List.of(
            new Name("太郎", "タロウ", "TARO"), new Name("花子", "ハナコ", "HANAKO"), new Name("翔太", "ショウタ", "SHOTA"),
            new Name("陽菜", "ヒナ", "HINA"), new Name("大輔", "ダイスケ", "DAISUKE"), new Name("美咲", "ミサキ", "MISAKI"),
            new Name("健一", "ケンイチ", "KENICHI"), new Name("直子", "ナオコ", "NAOKO"), new Name("蓮", "レン", "REN"),
            new Name("結衣", "ユイ", "YUI"), new Name("拓也", "タクヤ", "TAKUYA"), new Name("愛", "アイ", "AI"),
            new Name("和夫", "カズオ", "KAZUO"), new Name("幸子", "サチコ", "SACHIKO"), new Name("誠", "マコト", "MAKOTO"),
            new Name("恵子", "ケイコ", "KEIKO"));
    private static final String[] WARD_ADDRESSES = {"一丁目", "二丁目", "三丁目", "四丁目", "五丁目"};
    private static final String[] FIRST_PRODUCTS = {"comirnaty", "comirnaty", "comirnaty", "spikevax"};
    private static final String[] BOOSTER_PRODUCTS = {"comirnaty", "spikevax", "nuvaxovid"};
    private static final String[] BIVALENT_PRODUCTS = {"comirnaty-ba45", "spikevax-ba45"};
    private static final char[] LOT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ".toCharArray();

    private final MunicipalityCode municipality;
    private final String municipalityNameJa;
    private final long seed;

    public SyntheticResidents(MunicipalityCode municipality, String municipalityNameJa, long seed) {
        this.municipality = municipality;
        this.municipalityNameJa = municipalityNameJa;
        this.seed = seed;
    }

    /** Residents number {@code from} (inclusive) to {@code to} (exclusive) of this seed. */
    public List<ImportedResident> range(int from, int to) {
        List<ImportedResident> residents = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            residents.add(resident(i));
        }
        return residents;
    }

    /** Resident number {@code index} of this seed: always the same person. */
    public ImportedResident resident(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        Name family = FAMILY.get(random.nextInt(FAMILY.size()));
        Name given = GIVEN.get(random.nextInt(GIVEN.size()));
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 85));
        String sex = random.nextBoolean() ? "1" : "2";
        boolean passport = random.nextInt(100) < 50;
        int statusRoll = random.nextInt(100);
        ResidentStatus status = statusRoll < 2 ? ResidentStatus.MOVED_OUT : statusRoll < 3 ? ResidentStatus.DECEASED
                : ResidentStatus.ACTIVE;
        String address = "東京都" + municipalityNameJa + WARD_ADDRESSES[random.nextInt(WARD_ADDRESSES.length)]
                + (1 + random.nextInt(30)) + "番" + (1 + random.nextInt(20)) + "号";
        String atena = "G" + seed + "-" + index;
        Resident resident = new Resident(UUID.randomUUID().toString(), municipality, atena, status,
                new PersonName(family.kanji(), given.kanji()), new PersonName(family.kana(), given.kana()),
                passport ? new PersonName(family.roman(), given.roman()) : null, birth, sex, address,
                passport ? "JPN" : null, passport ? passportNumber(random) : null, false);
        return new ImportedResident(0, resident, myNumber(random), doses(random, 1 + random.nextInt(7)));
    }

    private static List<Vaccination> doses(Random random, int count) {
        List<Vaccination> doses = new ArrayList<>();
        LocalDate date = LocalDate.of(2021, 4, 12).plusDays(random.nextInt(150));
        String first = FIRST_PRODUCTS[random.nextInt(FIRST_PRODUCTS.length)];
        for (int number = 1; number <= count; number++) {
            String product = number <= 2 ? first
                    : number <= 4 ? BOOSTER_PRODUCTS[random.nextInt(BOOSTER_PRODUCTS.length)]
                    : BIVALENT_PRODUCTS[random.nextInt(BIVALENT_PRODUCTS.length)];
            String manufacturer = product.startsWith("comirnaty") ? "ファイザー社"
                    : product.startsWith("spikevax") ? "モデルナ社" : "武田（ノババックス）社";
            doses.add(new Vaccination(UUID.randomUUID().toString(), number, date, product, manufacturer, lot(random),
                    String.format("%010d", random.nextInt(1_000_000_000))));
            date = date.plusDays(number == 1 ? 21 + random.nextInt(8) : 150 + random.nextInt(90));
        }
        return doses;
    }

    private static MyNumber myNumber(Random random) {
        StringBuilder digits = new StringBuilder(12);
        digits.append(1 + random.nextInt(9));
        for (int i = 1; i < 11; i++) {
            digits.append(random.nextInt(10));
        }
        String eleven = digits.toString();
        return MyNumber.of(eleven + MyNumber.checkDigit(eleven));
    }

    private static String passportNumber(Random random) {
        return "T" + LOT_LETTERS[random.nextInt(LOT_LETTERS.length)] + String.format("%07d", random.nextInt(10_000_000));
    }

    private static String lot(Random random) {
        return "" + LOT_LETTERS[random.nextInt(LOT_LETTERS.length)] + LOT_LETTERS[random.nextInt(LOT_LETTERS.length)]
                + String.format("%04d", random.nextInt(10_000));
    }
}
