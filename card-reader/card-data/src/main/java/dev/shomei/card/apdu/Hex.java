package dev.shomei.card.apdu;

import java.util.HexFormat;

/** Upper-case hex without separators, as the card-file JSON and the traces write it. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    public static String of(byte[] bytes, int from, int to) {
        return FORMAT.formatHex(bytes, from, to);
    }

    /**
     * Parses hex, ignoring spaces, tabs and line breaks.
     *
     * @throws IllegalArgumentException on an odd length or a non-hex character
     */
    public static byte[] parse(String hex) {
        String compact = hex.replaceAll("[\\s]", "");
        return HexFormat.of().parseHex(compact);
    }
}
