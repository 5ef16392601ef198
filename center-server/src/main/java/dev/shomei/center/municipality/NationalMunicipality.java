package dev.shomei.center.municipality;

/**
 * One municipality of Japan's official list, whether or not it takes part: public data.
 *
 * @param code       the 6-digit local government code with its check digit
 * @param prefecture the prefecture's name, e.g. 北海道
 * @param name       e.g. 稚内市 (a designated city is listed as the city, without its wards)
 * @param kana       the reading in hiragana, e.g. わっかないし
 */
public record NationalMunicipality(String code, String prefecture, String name, String kana) {

    /** The JIS X 0401 prefecture code, 1..47: the code's first two digits. */
    public int prefectureCode() {
        return Integer.parseInt(code.substring(0, 2));
    }
}
