package dev.shomei.printing.pdf;

import java.time.LocalDate;
import java.util.Map;

/** The printed wording and how dates, dose numbers and countries read in each language. */
final class Labels {
    static final String TITLE_JA = "新型コロナウイルス感染症 予防接種証明書";
    static final String TITLE_EN = "Vaccination Certificate for COVID-19";
    static final String DOMESTIC_JA = "（日本国内用）";
    static final String OVERSEAS = "（海外用及び日本国内用 / For overseas and domestic use）";
    static final String CONTINUED_JA = "（続き）";
    static final String CONTINUED_EN = "(continued)";
    static final String RECORDS_JA = "接種記録";
    static final String RECORDS_EN = "Vaccination records";
    static final String CERTIFY_JA = "上記のとおり、新型コロナウイルス感染症の予防接種を受けたことを証明します。";
    static final String CERTIFY_EN = "This is to certify that the person above received the COVID-19 vaccinations listed.";
    static final String NO_QR_JA = "氏名に旧字・俗字を含むため、この証明書には二次元コードを記載していません。";
    static final String NO_QR_EN = "This certificate carries no QR code because the name uses variant characters.";
    /** Under the dose table when the certificate states only the latest doses (LatestDoses). */
    static final String FURTHER_RECORDS_JA = "直近5回分の接種記録を記載しています。これより前の接種記録は、発行した市区町村が保有しています。";
    static final String FURTHER_RECORDS_EN = "This certificate lists the five most recent doses; the issuing municipality holds records of earlier doses.";
    static final String SHC_CAPTION = "SMART Health Card";
    static final String VDS_CAPTION = "ICAO VDS-NC";

    private static final Map<String, String[]> COUNTRIES = Map.of(
            "JPN", new String[] {"日本", "Japan"});

    private Labels() {
    }

    static String dateJa(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static String dateIso(LocalDate date) {
        return date.toString();
    }

    static String doseJa(int number) {
        return number + "回目";
    }

    static String doseEn(int number) {
        return "Dose " + number;
    }

    static String countryJa(String code) {
        String[] names = COUNTRIES.get(code);
        return names == null ? code : names[0];
    }

    static String countryEn(String code) {
        String[] names = COUNTRIES.get(code);
        return names == null ? code : names[1];
    }

    static String page(int page, int pages) {
        return page + " / " + pages;
    }
}
