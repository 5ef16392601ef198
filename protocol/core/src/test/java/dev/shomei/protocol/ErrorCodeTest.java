package dev.shomei.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void wireValuesAreUniqueAndRoundTrip() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code, ErrorCode.fromWire(code.wireValue()));
            assertFalse(!seen.add(code.wireValue()), "duplicate wire value " + code.wireValue());
        }
        assertNull(ErrorCode.fromWire(0));
        assertNull(ErrorCode.fromWire(9999));
    }

    @Test
    void everyCodeSpeaksBothLanguagesAndSaysWhatToDo() {
        for (ErrorCode code : ErrorCode.values()) {
            for (Language language : Language.values()) {
                assertFalse(code.message(language).isBlank(), code + " message " + language);
                assertFalse(code.hint(language).isBlank(), code + " hint " + language);
            }
            assertFalse(code.messageJa().equals(code.messageEn()), code + " is not translated");
        }
    }

    @Test
    void exceptionCarriesTheCode() {
        ShomeiException e = new ShomeiException(ErrorCode.PIN_BLOCKED, "tries left 0");
        assertEquals(ErrorCode.PIN_BLOCKED, e.code());
        assertEquals("PIN_BLOCKED: tries left 0", e.getMessage());
    }
}
