package dev.shomei.protocol.otp;

/**
 * RFC 4648 base32, the alphabet authenticator apps read TOTP secrets in; no padding on output. Shared by
 * the record backend's clerk console and the center's operator console. The bits are Commons Codec's;
 * this class adds what its decoder does not do: Commons Codec skips any character outside the alphabet
 * without a word, so a mistyped secret ('1' for 'I') would decode to a different key; here it is refused.
 */
public final class Base32 {
    /** Thread-safe: Commons Codec keeps each call's state in a context of its own. */
    private static final org.apache.commons.codec.binary.Base32 CODEC = new org.apache.commons.codec.binary.Base32();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
        String padded = CODEC.encodeToString(data);
        int end = padded.length();
        while (end > 0 && padded.charAt(end - 1) == '=') {
            end--;
        }
        return padded.substring(0, end);
    }

    /** Decodes, ignoring case, spaces and '=' padding; any other character (a hyphen too) is refused. */
    public static byte[] decode(String text) {
        return decode(text, false);
    }

    /**
     * Like {@link #decode} but also skips hyphens. The center's operator console has always accepted
     * hyphen-grouped secrets and the record backend never has; two entry points keep both exactly as they were.
     */
    public static byte[] decodeAllowingHyphens(String text) {
        return decode(text, true);
    }

    private static byte[] decode(String text, boolean skipHyphens) {
        StringBuilder letters = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == ' ' || c == '=' || (skipHyphens && c == '-')) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                throw new IllegalArgumentException("not a base32 character at position " + i);
            }
            letters.append(c);
        }
        // unpadded: a last group's leftover bits (fewer than 8) are dropped, as RFC 4648 decoders do
        return CODEC.decode(letters.toString());
    }
}
