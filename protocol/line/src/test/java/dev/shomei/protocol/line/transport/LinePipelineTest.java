package dev.shomei.protocol.line.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.Hex;
import dev.shomei.protocol.line.LineFixtures;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.Refusal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared pipeline without TLS: malformed input closes the connection, idle closes it too. */
class LinePipelineTest {
    /** The center's refusal of a protocol error, as it goes on the wire. */
    private static final String PROTOCOL_REFUSAL = "53 48 01 03 00 00 00 05 00 00 00 12 00";

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("wrong magic", "47 45 54 20 2f 20 48 54"),
                Arguments.of("wrong version", "53 48 02 01 00 00 00 00"),
                Arguments.of("unknown type", "53 48 01 99 00 00 00 00"),
                Arguments.of("oversized length", "53 48 01 20 7f ff ff ff"),
                Arguments.of("over the center's 64 KiB inbound limit", "53 48 01 20 00 01 00 01"),
                Arguments.of("garbage payload", "53 48 01 01 00 00 00 03 ff ff ff"),
                Arguments.of("trailing bytes", "53 48 01 10 00 00 00 01 00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void theCenterRefusesMalformedInputWithProtocolErrorAndCloses(String name, String hex) {
        Recorder handler = new Recorder();
        EmbeddedChannel channel = channel(LineSettings.server(), handler);
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes(hex)));
        channel.runPendingTasks();
        assertEquals(PROTOCOL_REFUSAL, Hex.spaced(outbound(channel)));
        assertFalse(channel.isOpen(), "closed");
        assertTrue(handler.received.isEmpty());
        assertEquals(1, handler.failures.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void theKioskClosesOnMalformedInputWithoutAnswering(String name, String hex) {
        EmbeddedChannel channel = channel(LineSettings.client().withMaxInboundPayloadBytes(64 * 1024), new Recorder());
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes(hex)));
        assertEquals(0, outbound(channel).length);
        assertFalse(channel.isOpen());
    }

    @Test
    void theRefusalDecodesAsProtocolError() {
        EmbeddedChannel kiosk = channel(LineSettings.client(), new Recorder());
        Recorder kioskHandler = (Recorder) kiosk.pipeline().get(LinePipeline.HANDLER);
        kiosk.writeInbound(Unpooled.wrappedBuffer(Hex.bytes(PROTOCOL_REFUSAL)));
        assertEquals(List.of(new Refusal("", ErrorCode.PROTOCOL_ERROR)), kioskHandler.received);
        assertTrue(kiosk.isOpen());
    }

    @Test
    void aTruncatedFrameAtCloseIsReportedToTheHandler() {
        Recorder handler = new Recorder();
        EmbeddedChannel channel = channel(LineSettings.server(), handler);
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 01 00 00 00 13 00 0a")));
        channel.close();
        assertFalse(channel.isOpen());
        assertEquals(1, handler.failures.size());
        assertTrue(handler.failures.get(0).contains("TRUNCATED"), handler.failures.toString());
    }

    @Test
    void goodMessagesReachTheHandlerInOrder() {
        Recorder handler = new Recorder();
        EmbeddedChannel channel = channel(LineSettings.server(), handler);
        ByteBuf frames = Unpooled.buffer();
        for (LineMessage m : List.of(LineFixtures.hello(), LineFixtures.heartbeat(), LineFixtures.issueRequest())) {
            EmbeddedChannel encoder = channel(LineSettings.client(), new Recorder());
            encoder.writeOutbound(m);
            frames.writeBytes(outbound(encoder));
        }
        channel.writeInbound(frames);
        assertEquals(List.of(LineFixtures.hello(), LineFixtures.heartbeat(), LineFixtures.issueRequest()),
                handler.received);
        assertTrue(channel.isOpen());
    }

    @Test
    void readerIdleClosesTheConnection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        LinePipeline.configureWithoutTls(channel.pipeline(),
                LineSettings.server().withReaderIdleTimeout(Duration.ofSeconds(90)), new Recorder());
        channel.advanceTimeBy(89, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertTrue(channel.isOpen(), "not yet");
        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertFalse(channel.isOpen(), "closed after 90 s without a read");
    }

    @Test
    void writerIdleIsAHeartbeatCueNotAClose() {
        Recorder handler = new Recorder();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        LinePipeline.configureWithoutTls(channel.pipeline(),
                LineSettings.client().withWriterIdleInterval(Duration.ofSeconds(30)), handler);
        channel.advanceTimeBy(31, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertEquals(List.of(IdleState.WRITER_IDLE), handler.idle);
        assertTrue(channel.isOpen());
    }

    @Test
    void aFailingHandlerClosesTheConnection() {
        EmbeddedChannel channel = channel(LineSettings.server(), new SimpleChannelInboundHandler<LineMessage>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, LineMessage msg) {
                throw new IllegalStateException("bug");
            }
        });
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 10 00 00 00 00")));
        assertFalse(channel.isOpen());
        assertEquals(0, outbound(channel).length, "a bug is not the peer's protocol error");
    }

    @Test
    void afterAFailureNoFurtherFrameOfTheSameReadReachesTheHandler() {
        List<LineMessage> seen = new ArrayList<>();
        EmbeddedChannel channel = channel(LineSettings.server(), new SimpleChannelInboundHandler<LineMessage>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, LineMessage msg) {
                seen.add(msg);
                throw new IllegalStateException("bug");
            }
        });
        channel.writeInbound(Unpooled.wrappedBuffer(Hex.bytes("53 48 01 10 00 00 00 00 53 48 01 10 00 00 00 00")));
        assertEquals(1, seen.size());
        assertFalse(channel.isOpen());
    }

    @Test
    void anOversizedOutboundMessageFailsItsWriteAndKeepsTheConnection() {
        EmbeddedChannel channel = channel(LineSettings.client().withMaxOutboundPayloadBytes(16), new Recorder());
        var write = channel.writeOneOutbound(LineFixtures.issueRequest());
        channel.flushOutbound();
        assertFalse(write.isSuccess());
        assertEquals(0, outbound(channel).length);
        assertTrue(channel.isOpen());
        channel.writeOutbound(Ack.of(MessageType.HEARTBEAT));
        assertEquals("53 48 01 02 00 00 00 03 04 00 00", Hex.spaced(outbound(channel)));
    }

    @Test
    void handlersAreInTheDocumentedOrder() {
        EmbeddedChannel channel = channel(LineSettings.server(), new Recorder());
        List<String> names = new ArrayList<>(channel.pipeline().names());
        names.removeIf(n -> n.startsWith("DefaultChannelPipeline$TailContext"));
        assertEquals(List.of(LinePipeline.IDLE, LinePipeline.FRAME_DECODER, LinePipeline.FRAME_ENCODER,
                LinePipeline.MESSAGE_CODEC, LinePipeline.HANDLER, LinePipeline.GUARD), names);
    }

    @Test
    void settingsRejectNonsense() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LineSettings.server().withMaxInboundPayloadBytes(0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LineSettings.server().withReaderIdleTimeout(Duration.ZERO));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LineSettings.server().withWriterIdleInterval(Duration.ofSeconds(-1)));
    }

    private static EmbeddedChannel channel(LineSettings settings, io.netty.channel.ChannelHandler handler) {
        EmbeddedChannel channel = new EmbeddedChannel();
        LinePipeline.configureWithoutTls(channel.pipeline(), settings, handler);
        return channel;
    }

    private static byte[] outbound(EmbeddedChannel channel) {
        ByteBuf all = Unpooled.buffer();
        for (Object part; (part = channel.readOutbound()) != null; ) {
            ByteBuf buf = (ByteBuf) part;
            all.writeBytes(buf);
            buf.release();
        }
        return ByteBufUtil.getBytes(all);
    }

    /** Records messages, idle events and failures, then passes failures on to the guard. */
    static final class Recorder extends SimpleChannelInboundHandler<LineMessage> {
        final List<LineMessage> received = new ArrayList<>();
        final List<IdleState> idle = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, LineMessage msg) {
            received.add(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent e) {
                idle.add(e.state());
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failures.add(String.valueOf(cause.getCause() != null ? cause.getCause().getMessage() : cause.getMessage()));
            ctx.fireExceptionCaught(cause);
        }
    }
}
