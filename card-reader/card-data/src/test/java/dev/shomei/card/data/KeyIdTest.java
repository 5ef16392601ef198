package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.card.apdu.Hex;
import org.junit.jupiter.api.Test;

class KeyIdTest {

    @Test
    void layoutIsSevenDigitsThen0805ThenThreeDigitsThenPadding() {
        assertArrayEquals(Hex.parse("35303030303333 0805 303031 00000000"), KeyId.parse("5000033/001").bytes());
        assertEquals("6000033/001", KeyId.of(Hex.parse("36303030303333 0805 303031 00000000")).toString());
        assertEquals('9', KeyId.parse("9000033/001").hierarchy());
    }

    @Test
    void allSixteenBytesCount() {
        byte[] padded = Hex.parse("35303030303333 0805 303031 00000001");
        assertNotEquals(KeyId.parse("5000033/001"), KeyId.of(padded));
        assertEquals("35303030303333080530303100000001", KeyId.of(padded).toString());
    }

    @Test
    void refusesOtherShapes() {
        assertThrows(IllegalArgumentException.class, () -> KeyId.parse("5000033-001"));
        assertThrows(IllegalArgumentException.class, () -> KeyId.of(new byte[15]));
    }
}
