package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MyNumberTest {

    @Test
    void checkDigitKnownAnswers() {
        // computed by hand from the rule in MYNA-CARD.md
        assertEquals(8, MyNumber.checkDigit("12345678901"));
        assertEquals(0, MyNumber.checkDigit("00000000000"));
        assertEquals(6, MyNumber.checkDigit("99999999999"));
        assertEquals(5, MyNumber.checkDigit("56781234123"));
        assertEquals(8, MyNumber.checkDigit("11111111111"));
    }

    @Test
    void validAndInvalidNumbers() {
        assertTrue(MyNumber.isValid("123456789018"));
        assertFalse(MyNumber.isValid("123456789017"));
        assertFalse(MyNumber.isValid("12345678901"));
        assertFalse(MyNumber.isValid("1234567890180"));
        assertFalse(MyNumber.isValid("12345678901a"));
        assertFalse(MyNumber.isValid("１２３４５６７８９０１８"));
        assertFalse(MyNumber.isValid(null));
    }

    @Test
    void errorsDoNotNameTheNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MyNumber.parse("123456789017"));
        assertFalse(e.getMessage().contains("123456789017"));
    }

    @Test
    void everyGeneratedNumberIsValid() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2000; i++) {
            String n = MyNumber.generate(random).reveal();
            assertTrue(MyNumber.isValid(n), n);
        }
    }

    @Test
    void toStringNeverShowsDigitsAndMaskedShowsOnlyTheLastFour() {
        MyNumber n = MyNumber.parse("123456789018");
        assertEquals("****-****-****", n.toString());
        assertEquals("****-****-9018", n.masked());
        assertEquals("123456789018", n.reveal());
    }

    @Test
    void equalityAndWipe() {
        MyNumber a = MyNumber.parse("123456789018");
        MyNumber b = MyNumber.parse("123456789018");
        assertEquals(a, b);
        assertNotEquals(a, MyNumber.parse("561234567895".substring(0, 11) + MyNumber.checkDigit("56123456789")));
        b.wipe();
        assertNotEquals(a, b);
        assertEquals("\0\0\0\0\0\0\0\0\0\0\0\0", b.reveal());
    }
}
