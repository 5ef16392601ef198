package dev.shomei.card.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The basic 4 info (基本4情報) of EF 0002. {@link #toString()} shows none of it.
 *
 * @param name      family and given name separated by U+3000, as the card stores it
 * @param address   as the card stores it (full-width digits)
 * @param birthDate Gregorian
 * @param sex       JIS X 0303
 */
public record BasicInfo(String name, String address, LocalDate birthDate, Sex sex) {
    public BasicInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
    }

    @Override
    public String toString() {
        return "BasicInfo[name=***, address=***, birthDate=***, sex=***]";
    }
}
