package dev.shomei.protocol.shc;

import dev.shomei.protocol.cert.CertificateVerificationException;

/**
 * The QR text of a SMART Health Card: {@code shc:/} then, for each JWS character c, the two digits of
 * {@code c - 45}. In the QR code {@code shc:/} is a byte-mode segment and the digits a numeric one.
 */
public final class ShcQrText {
    public static final String PREFIX = "shc:/";
    /** The largest JWS that fits one QR code of version 22 at error correction L. */
    public static final int MAX_JWS_LENGTH = 1195;

    private ShcQrText() {
    }

    /** The numeric digits for a JWS (without the {@code shc:/} prefix). */
    public static String digits(String jws) {
        StringBuilder digits = new StringBuilder(jws.length() * 2);
        for (int i = 0; i < jws.length(); i++) {
            int value = jws.charAt(i) - 45;
            if (value < 0 || value > 77) {
                throw new IllegalArgumentException("a JWS holds only base64url characters and dots");
            }
            digits.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
        return digits.toString();
    }

    public static String encode(String jws) {
        return PREFIX + digits(jws);
    }

    /** The JWS inside a scanned {@code shc:/} text. Chunked cards ({@code shc:/1/2/...}) are refused. */
    public static String decode(String qrText) {
        if (qrText == null || !qrText.startsWith(PREFIX)) {
            throw new CertificateVerificationException("not a SMART Health Card QR (no shc:/ prefix)");
        }
        String digits = qrText.substring(PREFIX.length());
        if (digits.indexOf('/') >= 0) {
            throw new CertificateVerificationException("chunked SMART Health Card QR codes are not supported");
        }
        if (digits.isEmpty() || digits.length() % 2 != 0) {
            throw new CertificateVerificationException("SMART Health Card QR has an odd number of digits");
        }
        StringBuilder jws = new StringBuilder(digits.length() / 2);
        for (int i = 0; i < digits.length(); i += 2) {
            char high = digits.charAt(i);
            char low = digits.charAt(i + 1);
            if (high < '0' || high > '9' || low < '0' || low > '9') {
                throw new CertificateVerificationException("SMART Health Card QR has a non-digit");
            }
            int value = (high - '0') * 10 + (low - '0');
            if (value > 77) {
                throw new CertificateVerificationException("SMART Health Card QR has a digit pair above 77");
            }
            jws.append((char) (value + 45));
        }
        return jws.toString();
    }
}
