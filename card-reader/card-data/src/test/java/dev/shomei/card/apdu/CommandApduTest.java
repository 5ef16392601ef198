package dev.shomei.card.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import org.junit.jupiter.api.Test;

class CommandApduTest {

    @Test
    void encodesTheFourCases() {
        assertEquals("00200091", Hex.of(CommandApdu.of(0x00, 0x20, 0x00, 0x91).encode()));
        assertEquals("00B0810011", Hex.of(CommandApdu.expecting(0x00, 0xB0, 0x81, 0x00, 17).encode()));
        assertEquals("00B0000000", Hex.of(CommandApdu.expecting(0x00, 0xB0, 0x00, 0x00, 256).encode()));
        assertEquals("00A4040C0AD3921000310001010408",
                Hex.of(CommandApdu.withData(0x00, 0xA4, 0x04, 0x0C, Hex.parse("D3921000310001010408")).encode()));
        assertEquals("00B00000000238", Hex.of(CommandApdu.expecting(0x00, 0xB0, 0x00, 0x00, 568).encode()));
        assertEquals("00B00000000000", Hex.of(CommandApdu.expecting(0x00, 0xB0, 0x00, 0x00, 65536).encode()));
    }

    @Test
    void decodeRoundTripsShortAndExtended() {
        for (CommandApdu c : new CommandApdu[] {
                CommandApdu.of(0, 0x20, 0, 0x91),
                CommandApdu.expecting(0, 0xB0, 0x82, 0, 35),
                CommandApdu.expecting(0, 0xB0, 0x01, 0x00, 256),
                CommandApdu.withData(0, 0x20, 0, 0x91, new byte[] {'1', '2', '3', '4'}),
                CommandApdu.expecting(0, 0xB0, 0, 0, 1000),
                CommandApdu.withData(0, 0xD6, 0, 0, new byte[300])}) {
            byte[] wire = c.encode();
            CommandApdu back = CommandApdu.decode(wire);
            assertArrayEquals(wire, back.encode());
            assertEquals(c.ne(), back.ne());
            assertEquals(c.nc(), back.nc());
        }
    }

    @Test
    void decodeRefusesMalformedApdus() {
        for (String hex : new String[] {"", "00B000", "00A4040C05D392", "00A4040C02D39210AA00", "00B00000000002AA", "00B000000001"}) {
            assertThrows(IllegalArgumentException.class, () -> CommandApdu.decode(Hex.parse(hex)), hex);
        }
    }

    @Test
    void toStringAndWipeKeepThePinOut() {
        byte[] pin = {'1', '2', '3', '4'};
        CommandApdu verify = CommandApdu.withData(0, 0x20, 0, 0x91, pin);
        assertFalse(verify.toString().contains("31323334"));
        assertEquals("00200091 Nc=4 Ne=0", verify.toString());
        verify.wipe();
        assertArrayEquals(new byte[4], pin);
    }

    @Test
    void checkNamesTheStatusWord() {
        ResponseApdu ok = ResponseApdu.of(Hex.parse("01029000"));
        assertEquals(ok, StatusWords.check(ok, "step", 0x9000));
        ShomeiException e = assertThrows(ShomeiException.class,
                () -> StatusWords.check(ResponseApdu.status(0x6A82), "SELECT input-assist AP", 0x9000));
        assertEquals(ErrorCode.CARD_UNREADABLE, e.code());
        assertEquals("CARD_UNREADABLE: SELECT input-assist AP: unexpected status word 6A82 (file or application not found)",
                e.getMessage());
        assertEquals("63C2 (verification failed, 2 tries left)", StatusWords.describe(0x63C2));
        assertEquals(2, StatusWords.triesLeft(0x63C2));
        assertEquals(0x63C0, StatusWords.verifyFailed(0));
    }

    @Test
    void responseParts() {
        ResponseApdu r = ResponseApdu.of(Hex.parse("AABB6282"));
        assertEquals(0x6282, r.sw());
        assertEquals(0x62, r.sw1());
        assertEquals(0x82, r.sw2());
        assertArrayEquals(Hex.parse("AABB"), r.data());
        assertEquals("2 bytes, SW 6282", r.toString());
        r.wipe();
        assertArrayEquals(new byte[2], r.data());
        assertEquals(0x6282, r.sw());
        assertThrows(IllegalArgumentException.class, () -> ResponseApdu.of(new byte[1]));
    }
}
