package dev.shomei.protocol.cert;

import java.util.Base64;

/** base64url (RFC 4648 section 5): written without padding; read strictly, padding optional. */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes canonical base64url with or without {@code =} padding; anything else is an error. */
    public static byte[] decode(String text, String what) {
        if (text == null) {
            throw new CertificateVerificationException(what + " is missing");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '=' && i >= text.length() - 2;
            if (!ok) {
                throw new CertificateVerificationException(what + " is not base64url");
            }
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new CertificateVerificationException(what + " is not base64url", e);
        }
        // the JDK ignores the unused low bits of the last character: two texts would decode alike,
        // so an altered character could go unnoticed. Only the canonical form is accepted.
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        if (!ENCODER.encodeToString(bytes).equals(text.substring(0, end))) {
            throw new CertificateVerificationException(what + " is not canonical base64url");
        }
        return bytes;
    }
}
