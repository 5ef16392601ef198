package dev.shomei.protocol.line.codec;

import dev.shomei.protocol.line.MessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import java.util.Objects;

/**
 * One frame between the frame codec and the message codec: its type and its payload bytes
 * (reference-counted, released by whoever consumes the frame).
 */
public final class LineFrame extends DefaultByteBufHolder {
    private final MessageType type;

    public LineFrame(MessageType type, ByteBuf payload) {
        super(payload);
        this.type = Objects.requireNonNull(type, "type");
    }

    public MessageType type() {
        return type;
    }

    @Override
    public LineFrame replace(ByteBuf content) {
        return new LineFrame(type, content);
    }

    @Override
    public String toString() {
        return "LineFrame[" + type + ", " + content().readableBytes() + " bytes]";
    }
}
