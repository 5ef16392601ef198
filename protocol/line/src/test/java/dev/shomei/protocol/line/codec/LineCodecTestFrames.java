package dev.shomei.protocol.line.codec;

import dev.shomei.protocol.line.MessageType;

/** The codec test's known-answer frames, for tests in other packages. */
public final class LineCodecTestFrames {
    private LineCodecTestFrames() {
    }

    public static String of(MessageType type) {
        return LineCodecTest.FRAMES.get(type);
    }
}
