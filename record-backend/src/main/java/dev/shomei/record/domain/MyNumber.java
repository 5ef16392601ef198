package dev.shomei.record.domain;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/**
 * An individual number (個人番号): eleven digits and a check digit. Personal data: {@link #toString()}
 * never shows it, and no message built here contains it.
 *
 * <p>Check digit: with P(n) the n-th digit counted from the right of the first eleven and
 * Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, r = Σ P(n)·Q(n) mod 11; the digit is 0 when r ≤ 1,
 * else 11 − r.
 */
public final class MyNumber {
    private final String digits;

    private MyNumber(String digits) {
        this.digits = digits;
    }

    public static MyNumber of(String digits) {
        if (digits == null || !digits.matches("[0-9]{12}")) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "My Number must be 12 digits");
        }
        if (checkDigit(digits.substring(0, 11)) != digits.charAt(11) - '0') {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "My Number check digit is wrong");
        }
        return new MyNumber(digits);
    }

    public static boolean isValid(String digits) {
        return digits != null && digits.matches("[0-9]{12}")
                && checkDigit(digits.substring(0, 11)) == digits.charAt(11) - '0';
    }

    /** The check digit of the first eleven digits. */
    public static int checkDigit(String elevenDigits) {
        if (elevenDigits == null || !elevenDigits.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("eleven digits expected");
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = elevenDigits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /** The twelve digits; handle as personal data. */
    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MyNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "MyNumber[redacted]";
    }
}
