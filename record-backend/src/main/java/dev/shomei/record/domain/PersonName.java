package dev.shomei.record.domain;

import java.util.Objects;

/** A family and a given name in one script (kanji, kana or Roman letters). Personal data. */
public record PersonName(String family, String given) {

    public PersonName {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(given, "given");
    }

    /** Family name, a space, given name: the Japanese order used on the certificate. */
    public String familyFirst() {
        return given.isEmpty() ? family : family + " " + given;
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
