package dev.shomei.card.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A 12-digit My Number (個人番号) whose check digit is valid. {@link #toString()} never shows it;
 * {@link #masked()} shows the last 4 digits for a diagnostic; {@link #reveal()} is the one explicit
 * way to get it in full (for the record lookup), and {@link #wipe()} clears it when done.
 */
public final class MyNumber {
    public static final int LENGTH = 12;
    private static final String FULLY_MASKED = "****-****-****";

    private final byte[] digits;

    private MyNumber(byte[] digits) {
        this.digits = digits;
    }

    /**
     * Parses 12 ASCII digits with a valid check digit.
     *
     * @throws IllegalArgumentException naming what is wrong, never the number
     */
    public static MyNumber parse(CharSequence text) {
        if (text == null || text.length() != LENGTH) {
            throw new IllegalArgumentException("a My Number has 12 digits");
        }
        byte[] d = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                Arrays.fill(d, (byte) 0);
                throw new IllegalArgumentException("a My Number has only the digits 0-9");
            }
            d[i] = (byte) c;
        }
        return fromAscii(d);
    }

    /**
     * From 12 ASCII digit bytes (as stored in EF 0001). The array is copied.
     *
     * @throws IllegalArgumentException when not 12 digits or the check digit is wrong
     */
    public static MyNumber fromAscii(byte[] ascii) {
        if (ascii == null || ascii.length != LENGTH) {
            throw new IllegalArgumentException("a My Number has 12 digits");
        }
        for (byte b : ascii) {
            if (b < '0' || b > '9') {
                throw new IllegalArgumentException("a My Number has only the digits 0-9");
            }
        }
        if (checkDigit(ascii) != ascii[11] - '0') {
            throw new IllegalArgumentException("the My Number check digit is wrong");
        }
        return new MyNumber(ascii.clone());
    }

    /** True when {@code text} is 12 digits with a valid check digit. */
    public static boolean isValid(CharSequence text) {
        try {
            parse(text).wipe();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The check digit over the first 11 ASCII digits of {@code ascii} (MYNA-CARD.md): P_n is the
     * n-th digit from the right of those 11, Q_n = n+1 for n ≤ 6 and n-5 for n ≥ 7; r = Σ P_n·Q_n
     * mod 11; the digit is 0 when r ≤ 1, else 11 - r.
     */
    static int checkDigit(byte[] ascii) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = ascii[11 - n] - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /** The check digit for 11 leading digits given as text. */
    public static int checkDigit(CharSequence first11) {
        if (first11 == null || first11.length() != 11) {
            throw new IllegalArgumentException("the check digit is computed over 11 digits");
        }
        byte[] ascii = new byte[LENGTH];
        for (int i = 0; i < 11; i++) {
            char c = first11.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("only the digits 0-9");
            }
            ascii[i] = (byte) c;
        }
        return checkDigit(ascii);
    }

    /** A random valid My Number (for virtual cards). */
    public static MyNumber generate(RandomGenerator random) {
        byte[] d = new byte[LENGTH];
        d[0] = (byte) ('1' + random.nextInt(9));
        for (int i = 1; i < 11; i++) {
            d[i] = (byte) ('0' + random.nextInt(10));
        }
        d[11] = (byte) ('0' + checkDigit(d));
        return new MyNumber(d);
    }

    /** The number in full. Use only where it must leave this object (the record lookup). */
    public String reveal() {
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** The 12 ASCII digits as a new array the caller must wipe. */
    public byte[] toAscii() {
        return digits.clone();
    }

    /** {@code ****-****-1234}: for a diagnostic screen, never for logs. */
    public String masked() {
        return "****-****-" + new String(digits, 8, 4, StandardCharsets.US_ASCII);
    }

    /** Overwrites the digits; the object is unusable afterwards. */
    public void wipe() {
        Arrays.fill(digits, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MyNumber other && MessageDigest.isEqual(digits, other.digits);
    }

    @Override
    public int hashCode() {
        return 0x4D4E; // no content-derived hash: a hash of 12 digits is as good as the digits
    }

    /** Always fully masked. */
    @Override
    public String toString() {
        return FULLY_MASKED;
    }
}
