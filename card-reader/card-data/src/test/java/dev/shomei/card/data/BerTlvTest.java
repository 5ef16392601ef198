package dev.shomei.card.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.CardDataException.Reason;
import dev.shomei.protocol.ErrorCode;
import org.junit.jupiter.api.Test;

class BerTlvTest {
    private static final Reason R = Reason.BASIC_INFO_MALFORMED;

    @Test
    void nonMinimalTagIsKeptAsWritten() {
        byte[] b = Hex.parse("FF 10 0C 313233343536373839303138 FFFF");
        BerTlv tlv = BerTlv.read(b, 0, b.length, R);
        assertEquals(0xFF10, tlv.tag());
        assertEquals(3, tlv.valueOffset());
        assertEquals(12, tlv.valueLength());
        assertEquals(15, tlv.end());
    }

    @Test
    void lengthForms() {
        byte[] two = Hex.parse("DF33 82 0100" + "00".repeat(256));
        assertEquals(256, BerTlv.read(two, 0, two.length, R).valueLength());
        assertEquals(0xDF33, BerTlv.read(two, 0, two.length, R).tag());
        byte[] one = Hex.parse("5F4E 81 80" + "11".repeat(128));
        assertEquals(128, BerTlv.read(one, 0, one.length, R).valueLength());
        byte[] threeByteTag = Hex.parse("7F 81 02 01 AA");
        assertEquals(0x7F8102, BerTlv.read(threeByteTag, 0, threeByteTag.length, R).tag());
    }

    @Test
    void refusesMalformedHeaders() {
        for (String hex : new String[] {"", "FF", "FF20", "DF21 80", "DF21 84 00000001", "DF21 82 01", "DF21 05 0102",
                "7F FF FF 01 00"}) {
            byte[] b = Hex.parse(hex);
            CardDataException e = assertThrows(CardDataException.class, () -> BerTlv.read(b, 0, b.length, R), hex);
            assertEquals(ErrorCode.CARD_DATA_INVALID, e.code());
            assertEquals(R, e.reason());
        }
    }

    @Test
    void headerOnlyReadAllowsTheValueToGoOn() {
        byte[] head = Hex.parse("FF 30 82 01 4B DF 31 20");
        BerTlv tlv = BerTlv.readHeader(head, 0, head.length, R);
        assertEquals(0x14B, tlv.valueLength());
        assertEquals(5, tlv.valueOffset());
    }

    @Test
    void encodeRoundTrips() {
        for (int size : new int[] {0, 1, 127, 128, 255, 256, 1000}) {
            byte[] value = new byte[size];
            byte[] tlv = BerTlv.encode(0xFF20, value);
            BerTlv parsed = BerTlv.read(tlv, 0, tlv.length, R);
            assertEquals(0xFF20, parsed.tag());
            assertEquals(size, parsed.valueLength());
            assertEquals(tlv.length, parsed.end());
            assertEquals(BerTlv.headerLength(0xFF20, size), parsed.headerLength());
        }
        assertArrayEquals(Hex.parse("DF3382 0100"), java.util.Arrays.copyOf(BerTlv.encode(0xDF33, new byte[256]), 5));
    }
}
