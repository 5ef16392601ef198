package dev.shomei.protocol.line.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.Hello;
import dev.shomei.protocol.line.Hex;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.MunicipalityCatalogResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.MunicipalityListResponse;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.TerminalState;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random and mutated input never makes the codec fail with anything but a {@link
 * LineProtocolException}; random valid messages survive the round trip.
 */
class LineFuzzTest {

    @Property(tries = 1000)
    void randomBytesEndInMessagesOrAProtocolError(@ForAll @Size(max = 300) byte[] bytes,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        feed(bytes, chunk);
    }

    @Property(tries = 3000)
    void aValidHeaderWithARandomPayloadEndsInAMessageOrAProtocolError(@ForAll("types") MessageType type,
            @ForAll @Size(max = 400) byte[] payload) {
        byte[] frame = frame(type.code(), payload);
        feed(frame, frame.length);
        // the pure codec too, without Netty in between
        try {
            PayloadCodec.decode(type, Unpooled.wrappedBuffer(payload));
        } catch (LineProtocolException expected) {
            assertEquals(LineProtocolException.Reason.MALFORMED_PAYLOAD, expected.reason());
        }
    }

    @Property(tries = 3000)
    void mutatedValidFramesEndInAMessageOrAProtocolError(@ForAll("mutatedFrames") byte[] frame,
            @ForAll @IntRange(min = 1, max = 32) int chunk) {
        feed(frame, chunk);
    }

    @Property(tries = 500)
    void randomHellosRoundTrip(@ForAll("identifiers") String terminalId, @ForAll("ascii") String firmware) {
        roundTrip(new Hello(terminalId, firmware));
    }

    @Property(tries = 500)
    void randomHeartbeatsRoundTrip(@ForAll("heartbeats") Heartbeat heartbeat) {
        roundTrip(heartbeat);
    }

    @Property(tries = 300)
    void randomMunicipalityListsRoundTrip(@ForAll("municipalityLists") MunicipalityListResponse list) {
        roundTrip(list);
    }

    @Provide
    Arbitrary<MessageType> types() {
        return Arbitraries.of(MessageType.class);
    }

    /** A fixture frame with bytes flipped, cut, appended; half of them with the length fixed up. */
    @Provide
    Arbitrary<byte[]> mutatedFrames() {
        Arbitrary<byte[]> fixtures = Arbitraries.of(LineCodecTest.FRAMES.values()).map(Hex::bytes);
        return Combinators.combine(fixtures,
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as((frame, flips, seed, extra, cut, fixLength) -> {
                    java.util.Random random = new java.util.Random(seed);
                    byte[] mutated = frame.clone();
                    for (int i = 0; i < flips; i++) {
                        int at = 8 + random.nextInt(Math.max(1, mutated.length - 8));
                        if (at < mutated.length) {
                            mutated[at] = (byte) random.nextInt(256);
                        }
                    }
                    if (cut) {
                        mutated = Arrays.copyOf(mutated, 8 + random.nextInt(mutated.length - 7));
                    }
                    byte[] joined = Arrays.copyOf(mutated, mutated.length + extra.length);
                    System.arraycopy(extra, 0, joined, mutated.length, extra.length);
                    if (fixLength) {
                        ByteBuffer.wrap(joined).putInt(4, joined.length - 8);
                    }
                    return joined;
                });
    }

    @Provide
    Arbitrary<String> identifiers() {
        return Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(32).filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<Heartbeat> heartbeats() {
        Arbitrary<Long> counters = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        Arbitrary<DeviceStatus> status = Arbitraries.of(DeviceStatus.class);
        return Combinators.combine(Arbitraries.of(TerminalState.class), Arbitraries.integers().between(0, 100),
                status, status, counters, counters, Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L))
                .as((state, percent, reader, printer, issued, voided, millis) -> new Heartbeat(state, percent,
                        100 - percent, reader, printer, DeviceStatus.ABSENT, issued, voided, issued / 2,
                        Instant.ofEpochMilli(millis)));
    }

    @Provide
    Arbitrary<MunicipalityListResponse> municipalityLists() {
        // any Unicode text without control characters (surrogate pairs included), within the byte limit
        Arbitrary<String> names = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40)
                .filter(s -> s.codePoints().noneMatch(Character::isISOControl))
                .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s))
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= 192);
        Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 1439).map(m -> LocalTime.of(m / 60, m % 60));
        Arbitrary<Set<CertificateType>> types = Arbitraries.of(
                Set.of(CertificateType.DOMESTIC), Set.of(CertificateType.OVERSEAS), EnumSet.allOf(CertificateType.class));
        Arbitrary<MunicipalityInfo> municipality = Combinators.combine(
                Arbitraries.strings().numeric().ofLength(6), names, names,
                Arbitraries.integers().between(0, 100_000), times, times, types)
                .as(MunicipalityInfo::new);
        return municipality.list().ofMaxSize(20).uniqueElements(MunicipalityInfo::code)
                .map(MunicipalityListResponse::new);
    }

    @Property(tries = 200)
    void randomMunicipalityCatalogsRoundTrip(@ForAll("municipalityLists") MunicipalityListResponse list,
            @ForAll boolean participating) {
        List<MunicipalityInfo> entries = list.municipalities().stream()
                .map(m -> new MunicipalityInfo(m.code(), m.nameJa(), m.nameEn(), m.feePerCopyYen(), m.opensAt(),
                        m.closesAt(), m.certificateTypes(), m.nameEn(), participating))
                .toList();
        roundTrip(new MunicipalityCatalogResponse(entries));
    }

    private static void roundTrip(LineMessage message) {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        channel.writeOutbound(message);
        channel.writeInbound(Unpooled.wrappedBuffer(LineCodecTest.drainOutbound(channel)));
        assertEquals(message, channel.readInbound());
        channel.finishAndReleaseAll();
    }

    /**
     * Feeds {@code bytes} in chunks, then ends the connection. Decoded messages are fine; any
     * failure must be a protocol error. Anything else fails the property.
     */
    private static void feed(byte[] bytes, int chunk) {
        EmbeddedChannel channel = LineCodecTest.codecChannel();
        List<Throwable> failures = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += chunk) {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, Math.min(chunk, bytes.length - at)));
            } catch (DecoderException e) {
                failures.add(e);
            }
        }
        try {
            channel.finish();
        } catch (DecoderException e) {
            failures.add(e);
        }
        for (Object m; (m = channel.readInbound()) != null; ) {
            assertTrue(m instanceof LineMessage, "only messages come out: " + m);
        }
        assertTrue(failures.size() <= 1, "one error per connection, then silence: " + failures);
        for (Throwable failure : failures) {
            assertTrue(LineProtocolException.in(failure).isPresent(), () -> "not a protocol error: " + failure);
        }
    }

    private static byte[] frame(int type, byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.put(FrameFormat.MAGIC_0).put(FrameFormat.MAGIC_1).put((byte) FrameFormat.VERSION).put((byte) type)
                .putInt(payload.length).put(payload);
        return frame.array();
    }
}
