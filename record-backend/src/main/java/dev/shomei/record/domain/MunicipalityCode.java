package dev.shomei.record.domain;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;

/**
 * A local government code (全国地方公共団体コード): five digits and a check digit. The check digit
 * is {@code (11 - (d1*6 + d2*5 + d3*4 + d4*3 + d5*2) mod 11) mod 10}; Bunkyo is 13105 + 9.
 */
public record MunicipalityCode(String value) implements Comparable<MunicipalityCode> {

    public MunicipalityCode {
        if (value == null || !value.matches("[0-9]{6}")) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "municipality code must be 6 digits");
        }
        if (checkDigit(value.substring(0, 5)) != value.charAt(5) - '0') {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "municipality code check digit is wrong");
        }
    }

    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value);
    }

    /** Whether {@code value} is a well-formed code with a correct check digit. */
    public static boolean isValid(String value) {
        return value != null && value.matches("[0-9]{6}") && checkDigit(value.substring(0, 5)) == value.charAt(5) - '0';
    }

    /** The check digit of a five-digit code. */
    public static int checkDigit(String fiveDigits) {
        if (fiveDigits == null || !fiveDigits.matches("[0-9]{5}")) {
            throw new IllegalArgumentException("five digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (fiveDigits.charAt(i) - '0') * (6 - i);
        }
        return (11 - sum % 11) % 10;
    }

    /** The code without its check digit (the prefix of certificate ids). */
    public String withoutCheckDigit() {
        return value.substring(0, 5);
    }

    @Override
    public int compareTo(MunicipalityCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
