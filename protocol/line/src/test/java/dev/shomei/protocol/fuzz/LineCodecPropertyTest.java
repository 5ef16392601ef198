package dev.shomei.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.LineFixtures;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityListRequest;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.Refusal;
import dev.shomei.protocol.line.VoidReason;
import dev.shomei.protocol.line.codec.FrameFormat;
import dev.shomei.protocol.line.codec.LineFrameDecoder;
import dev.shomei.protocol.line.codec.LineFrameEncoder;
import dev.shomei.protocol.line.codec.LineMessageCodec;
import dev.shomei.protocol.line.codec.LineProtocolException;
import dev.shomei.protocol.line.codec.PayloadCodec;
import dev.shomei.protocol.line.codec.PayloadWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Every message codec, with the payloads the existing {@code LineFuzzTest} does not reach: each
 * message type's valid payload with bytes inserted, deleted, duplicated, flipped or cut (the frame
 * length fixed up so the payload decoder sees them), the bytes the decoder allocates, headers that
 * claim up to 4 GiB, and round trips of the messages that carry card files and PDFs.
 */
class LineCodecPropertyTest {
    private static final Map<MessageType, LineMessage> EXAMPLES = LineFixtures.all();

    @Property(tries = 3000)
    void mutatedPayloadsOfEveryTypeDecodeOrFailAsMalformedWithBoundedAllocation(
            @ForAll("types") MessageType type, @ForAll long seed) {
        byte[] payload = Mutations.mutate(payload(EXAMPLES.get(type)), seed, 4);
        AllocationMeter.assertBounded(payload.length, 16, () -> {
            try {
                LineMessage decoded = PayloadCodec.decode(type, Unpooled.wrappedBuffer(payload));
                // what decodes is a valid message again: it re-encodes to the same bytes
                assertEquals(type, decoded.type());
                assertEquals(ByteBufUtil.hexDump(payload), ByteBufUtil.hexDump(Unpooled.wrappedBuffer(payload(decoded))));
            } catch (LineProtocolException e) {
                assertEquals(LineProtocolException.Reason.MALFORMED_PAYLOAD, e.reason());
                assertEquals(ErrorCode.PROTOCOL_ERROR, e.code());
            }
        });
    }

    @Property(tries = 2000)
    void mutatedFramesThroughThePipelineEndInMessagesOrOneProtocolError(@ForAll("types") MessageType type,
            @ForAll long seed, @ForAll boolean fixLength) {
        byte[] frame = frame(type, payload(EXAMPLES.get(type)));
        byte[] mutated = Mutations.mutate(frame, seed, 3);
        if (fixLength && mutated.length >= 8) {
            ByteBuffer.wrap(mutated).putInt(4, mutated.length - 8);
        }
        AllocationMeter.assertBounded(mutated.length, 16, () -> feed(mutated));
    }

    /** A header that claims more than the limit fails on its 8 bytes, before anything is buffered or allocated. */
    @Property(tries = 300)
    void aClaimedLengthAboveTheLimitIsRefusedOnTheHeaderAlone(@ForAll("types") MessageType type,
            @ForAll @LongRange(min = FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES + 1L, max = 0xFFFF_FFFFL) long claimed) {
        byte[] header = ByteBuffer.allocate(8 + 16).put(FrameFormat.MAGIC_0).put(FrameFormat.MAGIC_1)
                .put((byte) FrameFormat.VERSION).put((byte) type.code()).putInt((int) claimed).array();
        EmbeddedChannel channel = codecChannel();
        long allocated = AllocationMeter.allocatedBy(() -> {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(header));
                fail("a frame claiming " + claimed + " bytes was accepted");
            } catch (DecoderException e) {
                LineProtocolException cause = LineProtocolException.in(e).orElseThrow();
                assertEquals(LineProtocolException.Reason.FRAME_TOO_LARGE, cause.reason());
            }
        });
        assertTrue(allocated < AllocationMeter.BASE_ALLOWANCE, "allocated " + allocated + " for a refused header");
        channel.finishAndReleaseAll();
    }

    /** Inside a payload, a length field larger than what follows is refused before the array is made. */
    @Property(tries = 300)
    void aFieldLengthLargerThanThePayloadIsRefusedBeforeAllocating(
            @ForAll @LongRange(min = 5, max = 0xFFFF_FFFFL) long claimed) {
        // ISSUE_RESPONSE's pdf is the largest field (7 MiB); claim it with a 4-byte body
        IssueResponse valid = (IssueResponse) EXAMPLES.get(MessageType.ISSUE_RESPONSE);
        byte[] payload = payload(valid);
        int pdfLengthAt = payload.length - valid.pdf().length - 4;
        byte[] hostile = java.util.Arrays.copyOf(payload, pdfLengthAt + 8);
        ByteBuffer.wrap(hostile).putInt(pdfLengthAt, (int) claimed);
        long allocated = AllocationMeter.allocatedBy(() -> {
            try {
                PayloadCodec.decode(MessageType.ISSUE_RESPONSE, Unpooled.wrappedBuffer(hostile));
                fail("a pdf claiming " + claimed + " bytes in a 4-byte body was accepted");
            } catch (LineProtocolException e) {
                assertEquals(LineProtocolException.Reason.MALFORMED_PAYLOAD, e.reason());
            }
        });
        assertTrue(allocated < AllocationMeter.BASE_ALLOWANCE, "allocated " + allocated + " for a refused field");
    }

    @Property(tries = 300)
    void issueRequestsRoundTrip(@ForAll("issueRequests") IssueRequest request) {
        assertEquals(request, roundTrip(request));
    }

    @Property(tries = 200)
    void issueResponsesRoundTrip(@ForAll("issueResponses") IssueResponse response) {
        assertEquals(response, roundTrip(response));
    }

    @Property(tries = 300)
    void smallMessagesRoundTrip(@ForAll("smallMessages") LineMessage message) {
        assertEquals(message, roundTrip(message));
    }

    @Provide
    Arbitrary<MessageType> types() {
        return Arbitraries.of(MessageType.class);
    }

    @Provide
    Arbitrary<IssueRequest> issueRequests() {
        Arbitrary<byte[]> files = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(700);
        return Combinators.combine(identifiers(), Arbitraries.strings().numeric().ofLength(6),
                Arbitraries.of(CertificateType.class), Arbitraries.integers().between(1, 10),
                Arbitraries.of(Language.class), files, files, files.list().ofSize(2))
                .as((tx, code, type, copies, language, a, b, cd) ->
                        new IssueRequest(tx, code, type, copies, language, a, b, cd.get(0), cd.get(1)));
    }

    @Provide
    Arbitrary<IssueResponse> issueResponses() {
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars("山田太郎ファイザー ").ofMaxLength(12);
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 40_000).map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
        Arbitrary<DoseSummary> dose = Combinators.combine(Arbitraries.integers().between(1, 99), dates,
                text.filter(s -> !s.isBlank()), text.filter(s -> !s.isBlank()), text.filter(s -> !s.isBlank()))
                .as(DoseSummary::new);
        Arbitrary<CertificateSummary> summary = Combinators.combine(text.filter(s -> !s.isBlank()),
                Arbitraries.strings().withCharRange('A', 'Z').ofMaxLength(30), dates, dose.list().ofMinSize(1).ofMaxSize(5))
                .as(CertificateSummary::new);
        Arbitrary<List<String>> ids = Arbitraries.integers().between(1, 10)
                .map(n -> IntStream.rangeClosed(1, n).mapToObj(i -> "C131059-" + i).toList());
        return Combinators.combine(identifiers(), ids, Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(1, 1000), summary,
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(4000))
                .as(IssueResponse::new);
    }

    @Provide
    Arbitrary<LineMessage> smallMessages() {
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(MessageType.class).filter(t -> t != MessageType.ACK), identifiers())
                        .as(Ack::new),
                Combinators.combine(identifiers(), Arbitraries.of(ErrorCode.class),
                        Arbitraries.integers().between(0, 0xFFFF).injectNull(0.5))
                        .as((tx, code, detail) -> new Refusal(tx, code,
                                detail == null ? OptionalInt.empty() : OptionalInt.of(detail))),
                identifiers().map(PrintOutcome::printed),
                Combinators.combine(identifiers(), Arbitraries.integers().between(0, 10_000))
                        .as(PrintOutcome::printed),
                Combinators.combine(identifiers(), Arbitraries.of(VoidReason.class).filter(r -> r != VoidReason.NONE))
                        .as(PrintOutcome::voided),
                Arbitraries.just(new MunicipalityListRequest()));
    }

    private static Arbitrary<String> identifiers() {
        return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
    }

    static byte[] payload(LineMessage message) {
        ByteBuf out = Unpooled.buffer();
        PayloadCodec.encode(message, new PayloadWriter(out));
        return ByteBufUtil.getBytes(out);
    }

    private static byte[] frame(MessageType type, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).put(FrameFormat.MAGIC_0).put(FrameFormat.MAGIC_1)
                .put((byte) FrameFormat.VERSION).put((byte) type.code()).putInt(payload.length).put(payload).array();
    }

    private static EmbeddedChannel codecChannel() {
        return new EmbeddedChannel(new LineFrameDecoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES),
                new LineFrameEncoder(FrameFormat.DEFAULT_MAX_PAYLOAD_BYTES), new LineMessageCodec());
    }

    private static LineMessage roundTrip(LineMessage message) {
        EmbeddedChannel channel = codecChannel();
        channel.writeOutbound(message);
        ByteBuf wire = Unpooled.buffer();
        for (Object part; (part = channel.readOutbound()) != null; ) {
            wire.writeBytes((ByteBuf) part);
            ((ByteBuf) part).release();
        }
        channel.writeInbound(wire);
        LineMessage decoded = channel.readInbound();
        channel.finishAndReleaseAll();
        return decoded;
    }

    private static void feed(byte[] bytes) {
        EmbeddedChannel channel = codecChannel();
        List<Throwable> failures = new ArrayList<>();
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        } catch (DecoderException e) {
            failures.add(e);
        }
        try {
            channel.finish();
        } catch (DecoderException e) {
            failures.add(e);
        }
        for (Object m; (m = channel.readInbound()) != null; ) {
            assertTrue(m instanceof LineMessage, "only messages come out: " + m);
        }
        assertTrue(failures.size() <= 1, "one error per connection: " + failures);
        failures.forEach(f -> assertTrue(LineProtocolException.in(f).isPresent(), () -> "not a protocol error: " + f));
        channel.releaseInbound();
    }
}
