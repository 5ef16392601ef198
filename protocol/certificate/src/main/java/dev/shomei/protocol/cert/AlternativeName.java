package dev.shomei.protocol.cert;

import java.util.regex.Pattern;

/**
 * A former or alternative name the resident register holds beside the name (旧姓・別姓・別名), printed
 * in brackets beside the name as a Japanese passport prints it ("GAIMU (JOHNSON) HANAKO"), never in
 * the QR codes (a passport's chip and machine-readable zone do not carry it either). Personal data.
 *
 * @param kind  which name it is
 * @param name  as the register writes it (kanji or kana), e.g. {@code 佐藤}
 * @param roman as the passport writes it, upper-case Latin letters; {@code null} when not on file
 *              (the overseas certificate then prints the Roman name alone)
 */
public record AlternativeName(Kind kind, String name, String roman) {
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Z]+(?:[ -][A-Z]+)*");

    /** The three kinds a Japanese passport prints, with its labels. */
    public enum Kind {
        FORMER_SURNAME("旧姓", "Former surname", true),
        ALTERNATIVE_SURNAME("別姓", "Alternative surname", true),
        ALTERNATIVE_GIVEN_NAME("別名", "Alternative given name", false);

        private final String labelJa;
        private final String labelEn;
        private final boolean surname;

        Kind(String labelJa, String labelEn, boolean surname) {
            this.labelJa = labelJa;
            this.labelEn = labelEn;
            this.surname = surname;
        }

        public String labelJa() {
            return labelJa;
        }

        public String labelEn() {
            return labelEn;
        }

        /** A surname stands after the surname; an alternative given name after the given name. */
        public boolean surname() {
            return surname;
        }
    }

    public AlternativeName {
        Fields.required("alternativeName kind", kind);
        Fields.text("alternativeName name", name, 40);
        if (roman != null) {
            Fields.matching("alternativeName roman", roman, LATIN_NAME, "upper-case Latin letters");
        }
    }

    /** The Japanese name with it: {@code 山田　花子（旧姓 佐藤）}. */
    public String beside(String fullName) {
        return fullName + "（" + kind.labelJa() + " " + name + "）";
    }

    /**
     * The Roman name as the passport prints it: a surname in brackets after the surname
     * ({@code YAMADA (SATO) HANAKO}), an alternative given name after the given names
     * ({@code YAMADA HANAKO (JOHN)}); without a Roman form, the Roman name unchanged.
     */
    public String besideRoman(String surname, String givenNames) {
        if (roman == null) {
            return surname + " " + givenNames;
        }
        return kind.surname() ? surname + " (" + roman + ") " + givenNames : surname + " " + givenNames + " (" + roman + ")";
    }

    @Override
    public String toString() {
        return "AlternativeName[" + kind + ", redacted]";
    }
}
