package dev.shomei.protocol.line.transport;

import dev.shomei.protocol.line.codec.LineFrameDecoder;
import dev.shomei.protocol.line.codec.LineFrameEncoder;
import dev.shomei.protocol.line.codec.LineMessageCodec;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The one pipeline layout of the line, for the center and the kiosk alike. Inbound bytes travel
 * down this list, outbound messages up it:
 *
 * <ol>
 * <li>{@value #TLS}: TLS 1.3, mutual auth ({@link dev.shomei.protocol.line.tls.LineTls}). First,
 *     so that nothing else ever sees an unauthenticated byte.
 * <li>{@value #IDLE}: reader-idle (closes, via the guard) and writer-idle (heartbeat cue) events.
 *     After TLS, so that only authenticated traffic counts as activity.
 * <li>{@value #FRAME_DECODER}: bytes -> frames, capped at {@code maxInboundPayloadBytes}.
 * <li>{@value #FRAME_ENCODER}: frames -> bytes, capped at {@code maxOutboundPayloadBytes}.
 * <li>{@value #MESSAGE_CODEC}: frames <-> message records.
 * <li>{@value #HANDLER}: the application's handler (center or kiosk logic), one per connection.
 * <li>{@value #GUARD}: {@link LineGuard}, last, so that every failure and idle timeout closes.
 * </ol>
 */
public final class LinePipeline {
    public static final String TLS = "tls";
    public static final String IDLE = "idle";
    public static final String FRAME_DECODER = "frame-decoder";
    public static final String FRAME_ENCODER = "frame-encoder";
    public static final String MESSAGE_CODEC = "message-codec";
    public static final String HANDLER = "handler";
    public static final String GUARD = "guard";

    private static final LineMessageCodec MESSAGE_CODEC_INSTANCE = new LineMessageCodec();

    private LinePipeline() {
    }

    /** Builds the whole pipeline; {@code handler} must be a new instance for this connection. */
    public static void configure(ChannelPipeline pipeline, SslHandler tls, LineSettings settings,
            ChannelHandler handler) {
        pipeline.addLast(TLS, Objects.requireNonNull(tls, "tls"));
        configureWithoutTls(pipeline, settings, handler);
    }

    /**
     * Everything after TLS. Only for in-memory tests ({@code EmbeddedChannel}); a real connection
     * always goes through {@link #configure}.
     */
    public static void configureWithoutTls(ChannelPipeline pipeline, LineSettings settings, ChannelHandler handler) {
        Objects.requireNonNull(settings, "settings");
        pipeline.addLast(IDLE, new IdleStateHandler(
                settings.readerIdleTimeout().toMillis(), settings.writerIdleInterval().toMillis(), 0,
                TimeUnit.MILLISECONDS));
        pipeline.addLast(FRAME_DECODER, new LineFrameDecoder(settings.maxInboundPayloadBytes()));
        pipeline.addLast(FRAME_ENCODER, new LineFrameEncoder(settings.maxOutboundPayloadBytes()));
        pipeline.addLast(MESSAGE_CODEC, MESSAGE_CODEC_INSTANCE);
        pipeline.addLast(HANDLER, Objects.requireNonNull(handler, "handler"));
        pipeline.addLast(GUARD, new LineGuard(settings.refuseProtocolErrors()));
    }
}
