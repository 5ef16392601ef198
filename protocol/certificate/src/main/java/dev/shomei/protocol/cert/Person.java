package dev.shomei.protocol.cert;

import java.time.LocalDate;

/**
 * The vaccinated person as the resident register writes the name: family and given name in kanji
 * (or kana), and the date of birth.
 *
 * @param variantKanji the resident asked for variant kanji (旧字・俗字) in the name: the certificate
 *                     then prints without QR codes, which must carry standard characters
 */
public record Person(String familyName, String givenName, LocalDate birthDate, boolean variantKanji) {
    public Person {
        Fields.text("familyName", familyName, 40);
        Fields.text("givenName", givenName, 40);
        Fields.required("birthDate", birthDate);
    }

    public Person(String familyName, String givenName, LocalDate birthDate) {
        this(familyName, givenName, birthDate, false);
    }

    /** The name as printed: family name, a full-width space, given name. */
    public String fullName() {
        return familyName + "\u3000" + givenName;
    }

    @Override
    public String toString() {
        return "Person[redacted]";
    }
}
