package dev.shomei.protocol.line;

import java.util.HexFormat;

/** Hex for tests and docs: spaces and line breaks in the input are ignored. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    /** "53 48 01 ..." */
    public static String spaced(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }
}
