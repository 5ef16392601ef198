package dev.shomei.protocol.line.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.line.Hex;
import dev.shomei.protocol.line.LineFixtures;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.codec.LineProtocolException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every malformed input is a {@link LineProtocolException} with the right reason. */
class LineFrameDecoderTest {
    private static final byte[] HELLO = Hex.bytes(LineCodecTest.FRAMES.get(MessageType.HELLO));

    @Test
    void wrongMagicFailsOnTheFirstByte() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.BAD_MAGIC, () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("47"))));
    }

    @Test
    void wrongSecondMagicByteFails() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.BAD_MAGIC, () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 49"))));
    }

    @Test
    void httpOrTlsSpokenToTheLineFailsAsBadMagic() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.BAD_MAGIC, () -> channel.writeInbound(
                Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void wrongVersionFails() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        LineProtocolException e = assertReason(Reason.UNSUPPORTED_VERSION,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 02 01 00 00 00 00"))));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void unknownTypeFails() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        LineProtocolException e = assertReason(Reason.UNKNOWN_TYPE,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 7f 00 00 00 00"))));
        assertTrue(e.getMessage().contains("0x7f"), e.getMessage());
    }

    @Test
    void oversizedLengthFailsOnTheHeaderAloneWithoutAllocatingIt() {
        RecordingAllocator allocator = new RecordingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast(new LineFrameDecoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES),
                new LineMessageCodec());
        // claims 2 GiB; only the 8 header bytes ever arrive
        LineProtocolException e = assertReason(Reason.FRAME_TOO_LARGE,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 21 80 00 00 00"))));
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        assertTrue(allocator.largest.get() < 1024,
                "largest allocation was " + allocator.largest.get() + " bytes");
    }

    @Test
    void anAllowedButLargeFrameIsBufferedAsItArrivesNotAllocatedUpFront() {
        RecordingAllocator allocator = new RecordingAllocator();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.config().setAllocator(allocator);
        channel.pipeline().addLast(new LineFrameDecoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES));
        // claims 7 MiB (allowed); 3 KB of it arrive in pieces
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 21 00 70 00 00")));
        for (int i = 0; i < 3; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[1000]));
        }
        assertNull(channel.readInbound());
        assertTrue(allocator.largest.get() > 0, "the cumulation grew through the allocator");
        assertTrue(allocator.largest.get() < 64 * 1024,
                "largest allocation was " + allocator.largest.get() + " bytes");
        channel.releaseInbound();
    }

    @Test
    void theLargestUnsignedLengthFailsToo() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.FRAME_TOO_LARGE,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 21 ff ff ff ff"))));
    }

    @Test
    void theLimitIsInclusiveAndConfigurable() {
        EmbeddedChannel channel = new EmbeddedChannel(new LineFrameDecoder(19), new LineMessageCodec());
        channel.writeInbound(Unpooled.wrappedBuffer(HELLO)); // payload exactly 19 bytes
        assertEquals(LineFixtures.hello(), channel.readInbound());

        EmbeddedChannel smaller = new EmbeddedChannel(new LineFrameDecoder(18), new LineMessageCodec());
        assertReason(Reason.FRAME_TOO_LARGE, () -> smaller.writeInbound(Unpooled.wrappedBuffer(HELLO)));
    }

    @Test
    void aFrameCutOffByTheEndOfTheConnectionIsTruncated() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(HELLO, 0, HELLO.length - 3));
        assertNull(channel.readInbound());
        LineProtocolException e = assertReason(Reason.TRUNCATED, channel::finish);
        assertTrue(e.getMessage().contains(HELLO.length - 3 + " bytes"), e.getMessage());
    }

    @Test
    void aHeaderCutOffByTheEndOfTheConnectionIsTruncated() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01")));
        assertReason(Reason.TRUNCATED, channel::finish);
    }

    @Test
    void aCleanEndBetweenFramesIsNoError() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(HELLO));
        assertTrue(channel.finish());
        assertEquals(LineFixtures.hello(), channel.readInbound());
    }

    @Test
    void garbagePayloadIsMalformed() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        // a HELLO whose terminal id claims 0xffff bytes inside a 4-byte payload
        LineProtocolException e = assertReason(Reason.MALFORMED_PAYLOAD, () -> channel.writeInbound(
                Unpooled.wrappedBuffer(Hex.bytes("53 48 01 01 00 00 00 04 ff ff 41 42"))));
        assertTrue(e.getMessage().contains("HELLO.terminalId"), e.getMessage());
    }

    @Test
    void aPayloadThatBreaksARecordRuleIsMalformed() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        // HEARTBEAT with paper at 101 %
        byte[] frame = Hex.bytes(LineCodecTest.FRAMES.get(MessageType.HEARTBEAT));
        frame[9] = 101;
        LineProtocolException e = assertReason(Reason.MALFORMED_PAYLOAD,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(frame)));
        assertTrue(e.getMessage().contains("paperPercent"), e.getMessage());
    }

    @Test
    void invalidUtf8IsMalformed() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.MALFORMED_PAYLOAD, () -> channel.writeInbound(Unpooled.wrappedBuffer(
                Hex.bytes("53 48 01 01 00 00 00 08 00 02 c3 28 00 02 31 30"))));
    }

    @Test
    void trailingBytesAreMalformed() {
        byte[] frame = Hex.bytes(LineCodecTest.FRAMES.get(MessageType.PRINT_OUTCOME) + " 00");
        frame[7]++; // length includes the extra byte
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        LineProtocolException e = assertReason(Reason.MALFORMED_PAYLOAD,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(frame)));
        assertTrue(e.getMessage().contains("1 trailing bytes"), e.getMessage());
    }

    @Test
    void anEmptyPayloadForAMessageWithFieldsIsMalformed() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.MALFORMED_PAYLOAD, () -> channel.writeInbound(
                Unpooled.wrappedBuffer(Hex.bytes("53 48 01 20 00 00 00 00"))));
    }

    @Test
    void aHugeListCountIsRefusedBeforeAllocating() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        // MUNICIPALITY_LIST_RESPONSE claiming 4096 entries in a 2-byte payload
        LineProtocolException e = assertReason(Reason.MALFORMED_PAYLOAD, () -> channel.writeInbound(
                Unpooled.wrappedBuffer(Hex.bytes("53 48 01 11 00 00 00 02 10 00"))));
        assertTrue(e.getMessage().contains("count 4096"), e.getMessage());
    }

    @Test
    void anUnknownEnumValueIsMalformed() {
        byte[] frame = Hex.bytes(LineCodecTest.FRAMES.get(MessageType.PRINT_OUTCOME));
        frame[frame.length - 6] = 9; // result 9 (before reason and the 4-byte charged amount)
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        LineProtocolException e = assertReason(Reason.MALFORMED_PAYLOAD,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(frame)));
        assertTrue(e.getMessage().contains("result: unknown value 9"), e.getMessage());
    }

    @Test
    void afterAnErrorAllFurtherInputIsDiscarded() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        assertReason(Reason.BAD_MAGIC, () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("00"))));
        channel.writeInbound(Unpooled.wrappedBuffer(HELLO));
        assertNull(channel.readInbound(), "a broken stream has no frame boundaries left to trust");
        assertFalse(channel.finish());
    }

    @Test
    void aGoodFrameBehindAMalformedPayloadIsNotDelivered() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        byte[] bad = Hex.bytes("53 48 01 01 00 00 00 04 ff ff 41 42");
        byte[] both = java.util.Arrays.copyOf(bad, bad.length + HELLO.length);
        System.arraycopy(HELLO, 0, both, bad.length, HELLO.length);
        assertReason(Reason.MALFORMED_PAYLOAD, () -> channel.writeInbound(Unpooled.wrappedBuffer(both)));
        assertNull(channel.readInbound(), "nothing after the first error");
        assertFalse(channel.finish(), "and no second error at the end");
    }

    @Test
    void errorsCarryTheProtocolErrorCode() {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        LineProtocolException e = assertReason(Reason.BAD_MAGIC,
                () -> channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("00"))));
        assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
    }

    @Test
    void theEncoderRefusesAnOversizedPayloadAndSendsNothing() {
        EmbeddedChannel channel = new EmbeddedChannel(new LineFrameEncoder(18), new LineMessageCodec());
        var future = channel.writeOneOutbound(LineFixtures.hello());
        channel.flushOutbound();
        assertFalse(future.isSuccess());
        assertEquals(Reason.FRAME_TOO_LARGE, LineProtocolException.in(future.cause()).orElseThrow().reason());
        assertNull(channel.readOutbound());
    }

    static LineProtocolException assertReason(Reason reason, Executable action) {
        DecoderException thrown = assertThrows(DecoderException.class, action);
        LineProtocolException e = LineProtocolException.in(thrown)
                .orElseThrow(() -> new AssertionError("no LineProtocolException in " + thrown));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    /** Remembers the largest buffer anyone asked for. */
    static final class RecordingAllocator extends AbstractByteBufAllocator {
        final AtomicInteger largest = new AtomicInteger();

        RecordingAllocator() {
            super(false);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            largest.accumulateAndGet(initialCapacity, Math::max);
            return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            largest.accumulateAndGet(initialCapacity, Math::max);
            return new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }
    }
}
