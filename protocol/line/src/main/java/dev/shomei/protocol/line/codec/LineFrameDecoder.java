package dev.shomei.protocol.line.codec;

import static dev.shomei.protocol.line.codec.FrameFormat.HEADER_LENGTH;
import static dev.shomei.protocol.line.codec.FrameFormat.MAGIC_0;
import static dev.shomei.protocol.line.codec.FrameFormat.MAGIC_1;
import static dev.shomei.protocol.line.codec.FrameFormat.VERSION;

import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.codec.LineProtocolException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.AttributeKey;
import java.util.List;

/**
 * Bytes -> {@link LineFrame}s. Validates the header as its bytes arrive — magic, version, type,
 * then the length against the limit — so a bad or oversized frame fails on its header alone,
 * before a byte of payload is buffered and without ever allocating the claimed size. A frame that
 * is cut off by the end of the connection fails as {@link Reason#TRUNCATED}.
 *
 * <p>After the first error the decoder discards all further input: the connection is broken and
 * the pipeline's guard closes it. The same holds after {@link #stopDecoding(Channel)} — called when
 * a later handler finds a frame's payload malformed, or the guard closes the connection — so that
 * no frame that arrived behind a bad one reaches the application. One instance per connection
 * (it is stateful).
 */
public final class LineFrameDecoder extends ByteToMessageDecoder {
    private static final AttributeKey<Boolean> STOPPED = AttributeKey.valueOf(LineFrameDecoder.class, "stopped");

    private final int maxPayloadBytes;
    private boolean failed;

    /** From now on, the frame decoder of {@code channel} discards all input. */
    public static void stopDecoding(Channel channel) {
        channel.attr(STOPPED).set(Boolean.TRUE);
    }

    public LineFrameDecoder(int maxPayloadBytes) {
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative");
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed || stopped(ctx)) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int start = in.readerIndex();
        int available = in.readableBytes();
        if (available >= 1 && in.getByte(start) != MAGIC_0
                || available >= 2 && in.getByte(start + 1) != MAGIC_1) {
            throw fail(in, Reason.BAD_MAGIC, "frame does not start with 53 48");
        }
        if (available >= 3 && in.getUnsignedByte(start + 2) != VERSION) {
            throw fail(in, Reason.UNSUPPORTED_VERSION,
                    "version " + in.getUnsignedByte(start + 2) + ", this end speaks " + VERSION);
        }
        MessageType type = null;
        if (available >= 4) {
            int code = in.getUnsignedByte(start + 3);
            type = MessageType.fromCode(code);
            if (type == null) {
                throw fail(in, Reason.UNKNOWN_TYPE, String.format("type 0x%02x", code));
            }
        }
        if (available < HEADER_LENGTH) {
            return;
        }
        long length = in.getUnsignedInt(start + 4);
        if (length > maxPayloadBytes) {
            throw fail(in, Reason.FRAME_TOO_LARGE,
                    type + " payload of " + length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        if (available < HEADER_LENGTH + length) {
            return;
        }
        in.skipBytes(HEADER_LENGTH);
        out.add(new LineFrame(type, in.readRetainedSlice((int) length)));
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.isReadable()) {
            decode(ctx, in, out);
        }
        if (!failed && !stopped(ctx) && in.isReadable()) {
            throw fail(in, Reason.TRUNCATED,
                    "connection ended after " + in.readableBytes() + " bytes of an incomplete frame");
        }
    }

    private static boolean stopped(ChannelHandlerContext ctx) {
        return Boolean.TRUE.equals(ctx.channel().attr(STOPPED).get());
    }

    private LineProtocolException fail(ByteBuf in, Reason reason, String detail) {
        failed = true;
        in.skipBytes(in.readableBytes());
        return new LineProtocolException(reason, detail);
    }
}
