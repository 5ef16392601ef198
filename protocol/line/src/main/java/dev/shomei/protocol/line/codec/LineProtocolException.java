package dev.shomei.protocol.line.codec;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Optional;

/**
 * Bytes on the line that break the protocol. Always {@link ErrorCode#PROTOCOL_ERROR}; the
 * {@link Reason} says which rule. The message names the rule and sizes, never payload content.
 * The connection that produced one is closed.
 */
public final class LineProtocolException extends ShomeiException {
    private static final long serialVersionUID = 1L;

    /** Which rule of the protocol was broken. */
    public enum Reason {
        /** The frame does not start with 53 48 ("SH"). */
        BAD_MAGIC,
        /** The version byte is not one this build speaks. */
        UNSUPPORTED_VERSION,
        /** The type byte names no message. */
        UNKNOWN_TYPE,
        /** The length field exceeds the pipeline's limit. */
        FRAME_TOO_LARGE,
        /** The connection ended inside a frame. */
        TRUNCATED,
        /** The payload does not parse as its message type, or has bytes left over. */
        MALFORMED_PAYLOAD
    }

    private final Reason reason;

    public LineProtocolException(Reason reason, String detail) {
        super(ErrorCode.PROTOCOL_ERROR, reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The protocol exception in {@code failure}'s cause chain (Netty wraps it in a DecoderException). */
    public static Optional<LineProtocolException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LineProtocolException e) {
                return Optional.of(e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
