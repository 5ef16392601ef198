package dev.shomei.protocol.line.codec;

import dev.shomei.protocol.line.LineMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/** {@link LineFrame} <-> {@link LineMessage}, through {@link PayloadCodec}. Stateless. */
@Sharable
public final class LineMessageCodec extends MessageToMessageCodec<LineFrame, LineMessage> {

    public LineMessageCodec() {
        super(LineFrame.class, LineMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, LineMessage message, List<Object> out) {
        ByteBuf payload = ctx.alloc().buffer();
        try {
            PayloadCodec.encode(message, new PayloadWriter(payload));
            out.add(new LineFrame(message.type(), payload));
        } catch (RuntimeException e) {
            payload.release();
            throw e;
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, LineFrame frame, List<Object> out) {
        try {
            out.add(PayloadCodec.decode(frame.type(), frame.content()));
        } catch (LineProtocolException e) {
            // frames already buffered behind this one must not reach the application
            LineFrameDecoder.stopDecoding(ctx.channel());
            throw e;
        }
    }
}
