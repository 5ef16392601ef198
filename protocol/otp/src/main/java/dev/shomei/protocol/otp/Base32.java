package dev.shomei.protocol.otp;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32, the alphabet authenticator apps read TOTP secrets in; no padding on output. Shared by
 * the record backend's clerk console and the center's operator console.
 */
public final class Base32 {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 0x1F));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1F));
        }
        return out.toString();
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == ' ' || c == '=' || (skipHyphens && c == '-')) {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not a base32 character at position " + i);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
