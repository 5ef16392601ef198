package dev.shomei.protocol.line.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import dev.shomei.protocol.line.Hex;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineFixtures;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.PrintOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message, byte-exact, through the Netty codec. The expected frames were worked out by hand
 * from the layout in docs/protocol.md (UTF-8 and epoch millis checked independently).
 */
class LineCodecTest {

    /** The known answers: header (magic, version, type, length) then the payload. */
    static final Map<MessageType, String> FRAMES = new EnumMap<>(Map.of(
            MessageType.HELLO, """
                    53 48 01 01 00 00 00 13
                    00 0a 4b 49 4f 53 4b 2d 30 30 30 31   00 05 31 2e 30 2e 30""",
            MessageType.ACK, """
                    53 48 01 02 00 00 00 03
                    01   00 00""",
            MessageType.REFUSAL, """
                    53 48 01 03 00 00 00 10
                    00 07 74 78 2d 30 30 30 31   00 0e   01   00 00 00 1e""",
            MessageType.HEARTBEAT, """
                    53 48 01 04 00 00 00 1a
                    00 50 41 00 01 00   00 00 00 0c   00 00 00 01   00 00 00 00
                    00 00 01 9d 48 60 d9 c0""",
            MessageType.MUNICIPALITY_LIST_REQUEST, """
                    53 48 01 10 00 00 00 00""",
            MessageType.MUNICIPALITY_LIST_RESPONSE, """
                    53 48 01 11 00 00 00 58
                    00 02
                    00 06 31 33 31 30 35 39   00 09 e6 96 87 e4 ba ac e5 8c ba
                    00 0b 42 75 6e 6b 79 6f 20 43 69 74 79   00 00 00 78   01 86   05 64   03
                    00 06 31 33 31 30 31 36   00 0c e5 8d 83 e4 bb a3 e7 94 b0 e5 8c ba
                    00 0c 43 68 69 79 6f 64 61 20 43 69 74 79   00 00 00 78   01 86   05 64   01""",
            MessageType.ISSUE_REQUEST, """
                    53 48 01 20 00 00 00 43
                    00 07 74 78 2d 30 30 30 31   00 06 31 33 31 30 35 39   01 01 01
                    00 00 00 11 ff 10 0c 31 32 33 34 35 36 37 38 39 30 31 38 ff ff
                    00 00 00 06 ff 20 03 df 21 00
                    00 00 00 04 ff 30 01 00
                    00 00 00 04 7f 21 01 00""",
            MessageType.ISSUE_RESPONSE, """
                    53 48 01 21 00 00 00 7b
                    00 07 74 78 2d 30 30 30 31
                    00 01   00 0e 43 31 33 31 30 35 39 2d 30 30 30 30 30 31
                    00 00 00 78   00 01
                    00 0d e6 96 87 e4 ba ac 20 e8 8a b1 e5 ad 90   00 00   00 00   00 00   07 bc 04 01
                    00 01   01   07 e5 06 01
                    00 0f e3 82 b3 e3 83 9f e3 83 8a e3 83 86 e3 82 a3
                    00 12 e3 83 95 e3 82 a1 e3 82 a4 e3 82 b6 e3 83 bc e7 a4 be
                    00 06 46 41 31 32 33 34
                    00 00 00 09 25 50 44 46 2d 31 2e 37 0a""",
            MessageType.PRINT_OUTCOME, """
                    53 48 01 22 00 00 00 0f
                    00 07 74 78 2d 30 30 30 31   01   00   00 00 00 78"""));

    /** PRINT_OUTCOME from a kiosk older than chargedYen: the payload ends after the reason. */
    static final String PRINT_OUTCOME_WITHOUT_AMOUNT = """
            53 48 01 22 00 00 00 0b
            00 07 74 78 2d 30 30 30 31   01   00""";

    static {
        FRAMES.put(MessageType.MUNICIPALITY_CATALOG_REQUEST, """
                53 48 01 12 00 00 00 00""");
        FRAMES.put(MessageType.MUNICIPALITY_CATALOG_RESPONSE, """
                53 48 01 13 00 00 00 73
                00 02
                00 06 30 31 32 31 34 39   00 09 e7 a8 9a e5 86 85 e5 b8 82   00 00
                00 12 e3 82 8f e3 81 a3 e3 81 8b e3 81 aa e3 81 84 e3 81 97   00   00 00 00 78   01 86   05 64   01
                00 06 31 33 31 30 35 39   00 09 e6 96 87 e4 ba ac e5 8c ba   00 0b 42 75 6e 6b 79 6f 20 43 69 74 79
                00 12 e3 81 b6 e3 82 93 e3 81 8d e3 82 87 e3 81 86 e3 81 8f   01   00 00 00 78   01 86   05 64   03""");
    }

    static Stream<Arguments> examples() {
        return LineFixtures.all().values().stream()
                .map(message -> Arguments.of(message.type(), message, Hex.bytes(FRAMES.get(message.type()))));
    }

    static EmbeddedChannel codecChannel() {
        return new EmbeddedChannel(
                new LineFrameDecoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES),
                new LineFrameEncoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES),
                new LineMessageCodec());
    }

    @Test
    void everyMessageTypeHasAnExample() {
        assertEquals(MessageType.values().length, LineFixtures.all().size());
        assertEquals(LineFixtures.all().keySet(), FRAMES.keySet());
    }

    @Test
    void anOutcomeWithoutTheChargedAmountStillDecodes() {
        EmbeddedChannel channel = codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes(PRINT_OUTCOME_WITHOUT_AMOUNT)));
        PrintOutcome decoded = channel.readInbound();
        assertEquals(PrintOutcome.printed("tx-0001"), decoded);
        assertTrue(decoded.chargedYen().isEmpty());
        channel.finishAndReleaseAll();
    }

    @Test
    void anOutcomeWithoutTheAmountEncodesAsAnOlderKioskSentIt() {
        EmbeddedChannel channel = codecChannel();
        assertTrue(channel.writeOutbound(PrintOutcome.printed("tx-0001")));
        assertEquals(Hex.spaced(Hex.bytes(PRINT_OUTCOME_WITHOUT_AMOUNT)), Hex.spaced(drainOutbound(channel)));
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodesToTheExactBytes(MessageType type, LineMessage message, byte[] frame) {
        EmbeddedChannel channel = codecChannel();
        assertTrue(channel.writeOutbound(message));
        assertEquals(Hex.spaced(frame), Hex.spaced(drainOutbound(channel)));
        assertFalse(channel.finish(), "nothing left over");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decodesTheExactBytesBackToAnEqualMessage(MessageType type, LineMessage message, byte[] frame) {
        EmbeddedChannel channel = codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        LineMessage decoded = channel.readInbound();
        assertEquals(message, decoded);
        assertEquals(type, decoded.type());
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decodesAFrameArrivingOneByteAtATime(MessageType type, LineMessage message, byte[] frame) {
        EmbeddedChannel channel = codecChannel();
        for (int i = 0; i < frame.length - 1; i++) {
            channel.writeInbound(Unpooled.wrappedBuffer(frame, i, 1));
            assertNull(channel.readInbound(), "nothing before the last byte");
        }
        channel.writeInbound(Unpooled.wrappedBuffer(frame, frame.length - 1, 1));
        assertEquals(message, channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void decodesSeveralFramesInOneRead() {
        byte[] all = LineFixtures.all().keySet().stream()
                .map(type -> Hex.bytes(FRAMES.get(type)))
                .reduce(new byte[0], LineCodecTest::concat);
        EmbeddedChannel channel = codecChannel();
        channel.writeInbound(Unpooled.wrappedBuffer(all));
        for (LineMessage expected : LineFixtures.all().values()) {
            assertEquals(expected, channel.readInbound());
        }
        assertNull(channel.readInbound());
        assertFalse(channel.finish());
    }

    @Test
    void cardFilesAndPdfSurviveTheRoundTripIntact() {
        EmbeddedChannel channel = codecChannel();
        channel.writeOutbound(LineFixtures.issueRequest(), LineFixtures.issueResponse());
        channel.writeInbound(Unpooled.wrappedBuffer(drainOutbound(channel)));
        IssueRequest request = channel.readInbound();
        IssueResponse response = channel.readInbound();
        assertArrayEquals(LineFixtures.EF0001, request.ef0001());
        assertArrayEquals(LineFixtures.EF0004, request.ef0004());
        assertArrayEquals(LineFixtures.PDF, response.pdf());
    }

    @Test
    void theOverseasSummaryCarriesThePassportDataOnFile() {
        IssueResponse overseas = new IssueResponse("tx-0002", List.of("C131059-000002"), 120, 1,
                new CertificateSummary("文京 花子", "BUNKYO HANAKO", LocalDate.of(1980, 4, 1), List.of(
                        new DoseSummary(1, LocalDate.of(2021, 6, 1), "コミナティ", "ファイザー社", "FA1234")),
                        "JPN", "TK1234567"),
                LineFixtures.PDF);
        EmbeddedChannel channel = codecChannel();
        channel.writeOutbound(overseas);
        channel.writeInbound(Unpooled.wrappedBuffer(drainOutbound(channel)));
        IssueResponse read = channel.readInbound();
        assertEquals(overseas.summary(), read.summary());
        assertEquals("JPN", read.summary().nationality());
        assertEquals("TK1234567", read.summary().passportNumber());
        assertFalse(read.summary().toString().contains("TK1234567"), "redacted");
        assertThrows(IllegalArgumentException.class, () -> new CertificateSummary("文京 花子", "BUNKYO HANAKO",
                LocalDate.of(1980, 4, 1), overseas.summary().doses(), "JPN", "TK12345678901"), "longer than the VDS-NC allows");
    }

    static byte[] drainOutbound(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (Object part; (part = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) part;
            all.writeBytes(buf);
            buf.release();
        }
        return ByteBufUtil.getBytes(all);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
