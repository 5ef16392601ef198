package dev.shomei.protocol.line.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.line.Hex;
import dev.shomei.protocol.line.codec.LineProtocolException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The reader and writer mirror each other, and the reader enforces every bound. */
class PayloadReaderTest {

    @Test
    void writerAndReaderMirrorEachOther() {
        ByteBuf buf = Unpooled.buffer();
        List<String> traced = new ArrayList<>();
        new PayloadWriter(buf, (name, encoding, start, end) -> traced.add(name + ":" + encoding + ":" + start + "-" + end))
                .u8("a", 255).u16("b", 65535).u32("c", 0xFFFF_FFFFL).i64("d", -2)
                .string("e", "証明", 6).bytes("f", new byte[] {1, 2}, 2)
                .date("g", LocalDate.of(2021, 6, 1)).time("h", LocalTime.of(23, 59)).count("i", 3, 3);
        assertEquals(List.of("a:u8:0-1", "b:u16:1-3", "c:u32:3-7", "d:i64:7-15", "e:str<=6:15-23",
                "f:bytes<=2:23-29", "g:date:29-33", "h:time:33-35", "i.count:list<=3:35-37"), traced);

        PayloadReader r = new PayloadReader("T", buf);
        assertEquals(255, r.u8("a"));
        assertEquals(65535, r.u16("b"));
        assertEquals(0xFFFF_FFFFL, r.u32("c"));
        assertEquals(-2, r.i64("d"));
        assertEquals("証明", r.string("e", 6));
        assertArrayEquals(new byte[] {1, 2}, r.bytes("f", 2));
        assertEquals(LocalDate.of(2021, 6, 1), r.date("g"));
        assertEquals(LocalTime.of(23, 59), r.time("h"));
        assertEquals(2, r.remaining());
        r.u16("i");
        r.finish();
    }

    @Test
    void elementsAreNamedWithTheirIndex() {
        List<String> traced = new ArrayList<>();
        PayloadWriter w = new PayloadWriter(Unpooled.buffer(), (name, encoding, start, end) -> traced.add(name));
        w.element("list", 0, () -> w.u8("x", 1)).element("list", 1, () -> w.u8("x", 2));
        assertEquals(List.of("list[0].x", "list[1].x"), traced);
    }

    @Test
    void stringLongerThanItsLimitFailsBeforeReading() {
        LineProtocolException e = fails(() -> reader("00 05 41 42 43 44 45").string("name", 4));
        assertTrue(e.getMessage().contains("T.name: length 5 exceeds 4"), e.getMessage());
    }

    @Test
    void lengthBeyondThePayloadFails() {
        fails(() -> reader("00 05 41 42").string("name", 100));
        fails(() -> reader("7f ff ff ff 00").bytes("blob", Integer.MAX_VALUE));
    }

    @Test
    void bytesLongerThanTheLimitFail() {
        LineProtocolException e = fails(() -> reader("00 00 00 03 01 02 03").bytes("ef", 2));
        assertTrue(e.getMessage().contains("length 3 exceeds 2"), e.getMessage());
    }

    @Test
    void invalidDatesAndTimesFail() {
        fails(() -> reader("07 e5 02 1e").date("d")); // 2021-02-30
        fails(() -> reader("07 e5 0d 01").date("d")); // month 13
        fails(() -> reader("05 a0").time("t"));       // minute 1440
    }

    @Test
    void countsAreCheckedAgainstLimitAndBytesLeft() {
        fails(() -> reader("00 05").count("list", 4, 1));
        fails(() -> reader("00 03 00 00").count("list", 10, 1));
        assertEquals(2, reader("00 02 00 00").count("list", 10, 1));
    }

    @Test
    void unknownEnumWireValuesFail() {
        LineProtocolException e = fails(() -> reader("07").u8Enum("state", v -> null));
        assertTrue(e.getMessage().contains("state: unknown value 7"), e.getMessage());
    }

    @Test
    void readingPastTheEndFails() {
        LineProtocolException e = fails(() -> reader("01").u16("n"));
        assertTrue(e.getMessage().contains("needs 2 bytes, 1 left"), e.getMessage());
    }

    @Test
    void trailingBytesFail() {
        PayloadReader r = reader("01 02");
        r.u8("a");
        fails(r::finish);
    }

    @Test
    void writerRefusesOutOfRangeValues() {
        PayloadWriter w = new PayloadWriter(Unpooled.buffer());
        assertThrows(IllegalArgumentException.class, () -> w.u8("a", 256));
        assertThrows(IllegalArgumentException.class, () -> w.u16("a", -1));
        assertThrows(IllegalArgumentException.class, () -> w.u32("a", 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> w.string("a", "abc", 2));
        assertThrows(IllegalArgumentException.class, () -> w.bytes("a", new byte[3], 2));
        assertEquals(0, w.size());
    }

    private static PayloadReader reader(String hex) {
        return new PayloadReader("T", Unpooled.wrappedBuffer(Hex.bytes(hex)));
    }

    private static LineProtocolException fails(Executable read) {
        LineProtocolException e = assertThrows(LineProtocolException.class, read);
        assertEquals(Reason.MALFORMED_PAYLOAD, e.reason());
        return e;
    }
}
