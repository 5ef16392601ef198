package dev.shomei.protocol.line.codec;

/** The constants of the frame header. */
public final class FrameFormat {
    /** "SH", the first two bytes of every frame. */
    public static final byte MAGIC_0 = 0x53;
    public static final byte MAGIC_1 = 0x48;
    /** The protocol version this build speaks. */
    public static final int VERSION = 1;
    /** magic (2) + version (1) + type (1) + payload length (4). */
    public static final int HEADER_LENGTH = 8;
    /** The default payload limit: room for a multi-copy certificate PDF. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 * 1024 * 1024;

    private FrameFormat() {
    }
}
