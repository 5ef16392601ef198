package dev.shomei.protocol.cert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * The vaccinated person as the resident register writes the name: family and given name in kanji
 * (or kana), and the date of birth.
 *
 * @param variantKanji the resident asked for variant kanji (旧字・俗字) in the name: the certificate
 *                     then prints without QR codes, which must carry standard characters
 * @param alternativeName a former or alternative name (旧姓・別姓・別名) printed beside the name, or
 *                     {@code null}; never in the QR codes
 */
public record Person(String familyName, String givenName, LocalDate birthDate, boolean variantKanji,
                     @JsonInclude(JsonInclude.Include.NON_NULL) AlternativeName alternativeName) {
    public Person {
        Fields.text("familyName", familyName, 40);
        Fields.text("givenName", givenName, 40);
        Fields.required("birthDate", birthDate);
    }

    public Person(String familyName, String givenName, LocalDate birthDate, boolean variantKanji) {
        this(familyName, givenName, birthDate, variantKanji, null);
    }

    public Person(String familyName, String givenName, LocalDate birthDate) {
        this(familyName, givenName, birthDate, false);
    }

    /** The name as printed: family name, a full-width space, given name. */
    public String fullName() {
        return familyName + "\u3000" + givenName;
    }

    /** The name as printed with the alternative name beside it: {@code 山田　花子（旧姓 佐藤）}. */
    public String printedName() {
        return alternativeName == null ? fullName() : alternativeName.beside(fullName());
    }

    /** The passport's Roman name with the alternative name where the passport prints it. */
    public String printedRomanName(Passport passport) {
        return alternativeName == null ? passport.romanName()
                : alternativeName.besideRoman(passport.surname(), passport.givenNames());
    }

    @Override
    public String toString() {
        return "Person[redacted]";
    }
}
