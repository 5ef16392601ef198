package dev.shomei.protocol.line.codec;

import static dev.shomei.protocol.line.codec.FrameFormat.HEADER_LENGTH;
import static dev.shomei.protocol.line.codec.FrameFormat.MAGIC_0;
import static dev.shomei.protocol.line.codec.FrameFormat.MAGIC_1;
import static dev.shomei.protocol.line.codec.FrameFormat.VERSION;

import dev.shomei.protocol.line.codec.LineProtocolException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * {@link LineFrame} -> header + payload, written as two buffers (the payload is not copied). A
 * payload over the limit fails the write with {@link Reason#FRAME_TOO_LARGE} and sends nothing.
 */
@Sharable
public final class LineFrameEncoder extends MessageToMessageEncoder<LineFrame> {
    private final int maxPayloadBytes;

    public LineFrameEncoder(int maxPayloadBytes) {
        super(LineFrame.class);
        if (maxPayloadBytes < 0) {
            throw new IllegalArgumentException("maxPayloadBytes must not be negative");
        }
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LineFrame frame, List<Object> out) {
        ByteBuf payload = frame.content();
        int length = payload.readableBytes();
        if (length > maxPayloadBytes) {
            throw new LineProtocolException(Reason.FRAME_TOO_LARGE,
                    frame.type() + " payload of " + length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        ByteBuf header = ctx.alloc().buffer(HEADER_LENGTH, HEADER_LENGTH);
        header.writeByte(MAGIC_0).writeByte(MAGIC_1).writeByte(VERSION).writeByte(frame.type().code())
                .writeInt(length);
        out.add(header);
        out.add(payload.retain());
    }
}
