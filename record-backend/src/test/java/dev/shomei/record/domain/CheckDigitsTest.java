package dev.shomei.record.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CheckDigitsTest {

    @Test
    void knownMunicipalityCodes() {
        // published local government codes
        for (String code : new String[] {"131059", "131041", "131032", "131016", "011002", "271004", "472018"}) {
            assertTrue(MunicipalityCode.isValid(code), code);
            assertEquals(code, MunicipalityCode.of(code).value());
        }
        assertFalse(MunicipalityCode.isValid("131058"));
        ShomeiException wrong = assertThrows(ShomeiException.class, () -> MunicipalityCode.of("131050"));
        assertEquals(ErrorCode.INVALID_REQUEST, wrong.code());
        assertThrows(ShomeiException.class, () -> MunicipalityCode.of("13105"));
        assertThrows(ShomeiException.class, () -> MunicipalityCode.of("13105a"));
        assertThrows(ShomeiException.class, () -> MunicipalityCode.of(null));
        assertEquals("13105", MunicipalityCode.of("131059").withoutCheckDigit());
    }

    @Test
    void knownMyNumbers() {
        // check digits worked by hand from the published rule
        assertEquals(8, MyNumber.checkDigit("12345678901"));
        assertTrue(MyNumber.isValid("123456789018"));
        assertFalse(MyNumber.isValid("123456789012"));
        assertEquals(0, MyNumber.checkDigit("00000000000"));
        ShomeiException wrong = assertThrows(ShomeiException.class, () -> MyNumber.of("123456789019"));
        assertEquals(ErrorCode.INVALID_REQUEST, wrong.code());
        assertFalse(wrong.getMessage().contains("123456789019"), "the message never echoes the number");
        assertFalse(MyNumber.of("123456789018").toString().contains("1234"));
    }

    @Property(tries = 300)
    void exactlyOneCheckDigitFitsAnyElevenDigits(@ForAll @NumericChars @StringLength(11) String eleven) {
        int valid = 0;
        for (int digit = 0; digit <= 9; digit++) {
            if (MyNumber.isValid(eleven + digit)) {
                valid++;
            }
        }
        assertEquals(1, valid);
    }
}
