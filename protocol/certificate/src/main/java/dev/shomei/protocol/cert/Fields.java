package dev.shomei.protocol.cert;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.regex.Pattern;

/** Field checks shared by the value types; errors name the field and never echo its value. */
final class Fields {
    private Fields() {
    }

    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is missing");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw invalid(field + " contains a control character");
            }
            if (Character.isSurrogate(c)) {
                boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!pair) {
                    throw invalid(field + " contains a lone surrogate");
                }
                i++;
            }
        }
        return value;
    }

    static String matching(String field, String value, Pattern pattern, String expected) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw invalid(field + " must be " + expected);
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    static ShomeiException invalid(String message) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, message);
    }
}
