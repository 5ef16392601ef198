package dev.shomei.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.ShomeiException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 旧姓・別姓・別名 beside the name, as a Japanese passport prints them. */
class AlternativeNameTest {
    private static final Passport PASSPORT = new Passport("GAIMU", "HANAKO", "JPN", "TK1234567");

    @Test
    void aSurnameStandsAfterTheSurnameAGivenNameAfterTheGivenNames() {
        Person former = person(new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", "SATO"));
        assertEquals("外務\u3000花子（旧姓 佐藤）", former.printedName());
        assertEquals("GAIMU (SATO) HANAKO", former.printedRomanName(PASSPORT));
        Person alternative = person(new AlternativeName(AlternativeName.Kind.ALTERNATIVE_SURNAME, "ジョンソン", "JOHNSON"));
        assertEquals("GAIMU (JOHNSON) HANAKO", alternative.printedRomanName(PASSPORT));
        assertEquals("外務\u3000花子（別姓 ジョンソン）", alternative.printedName());
        Person given = person(new AlternativeName(AlternativeName.Kind.ALTERNATIVE_GIVEN_NAME, "ジェーン", "JANE"));
        assertEquals("GAIMU HANAKO (JANE)", given.printedRomanName(PASSPORT));
    }

    @Test
    void withoutARomanFormOrWithoutAnAlternativeNameTheNameIsUnchanged() {
        Person noRoman = person(new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", null));
        assertEquals("GAIMU HANAKO", noRoman.printedRomanName(PASSPORT));
        Person none = new Person("外務", "花子", LocalDate.of(1985, 4, 1));
        assertEquals("外務\u3000花子", none.printedName());
        assertEquals(PASSPORT.romanName(), none.printedRomanName(PASSPORT));
    }

    @Test
    void invalidValuesAreRefusedNamingTheFieldNotTheValue() {
        ShomeiException roman = assertThrows(ShomeiException.class,
                () -> new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", "Sato1"));
        assertFalse(roman.getMessage().contains("Sato1"));
        assertThrows(ShomeiException.class, () -> new AlternativeName(null, "佐藤", null));
        assertThrows(ShomeiException.class, () -> new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, " ", null));
        assertEquals("AlternativeName[FORMER_SURNAME, redacted]",
                new AlternativeName(AlternativeName.Kind.FORMER_SURNAME, "佐藤", "SATO").toString());
    }

    private static Person person(AlternativeName alternativeName) {
        return new Person("外務", "花子", LocalDate.of(1985, 4, 1), false, alternativeName);
    }
}
