package dev.shomei.protocol.line;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Field validation shared by the message records. Error messages name the field and the rule,
 * never the value: values may be personal data.
 */
final class Checks {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{6}");
    /** The line carries dates from 1900 (birth dates) to 9999; anything else is a bug upstream. */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

    private Checks() {
    }

    /** 1..max ASCII letters, digits, '.', '_' or '-'. */
    static String identifier(String field, String value, int maxBytes) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() || value.length() > maxBytes || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1.." + maxBytes
                    + " ASCII letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    /** Like {@link #identifier} but may be empty (a message that answers no transaction). */
    static String optionalIdentifier(String field, String value, int maxBytes) {
        Objects.requireNonNull(value, field);
        return value.isEmpty() ? value : identifier(field, value, maxBytes);
    }

    static String municipalityCode(String field, String value) {
        Objects.requireNonNull(value, field);
        if (!MUNICIPALITY_CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be exactly 6 ASCII digits");
        }
        return value;
    }

    /** 1..max printable ASCII characters (space allowed inside). */
    static String printableAscii(String field, String value, int maxBytes) {
        Objects.requireNonNull(value, field);
        boolean ok = !value.isBlank() && value.length() <= maxBytes;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = c >= 0x20 && c <= 0x7E;
        }
        if (!ok) {
            throw new IllegalArgumentException(field + " must be 1.." + maxBytes + " printable ASCII characters");
        }
        return value;
    }

    /** Text without control characters, at most max UTF-8 bytes, empty only if allowed. */
    static String text(String field, String value, int maxBytes, boolean mayBeEmpty) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters");
            }
        }
        if (utf8Length(field, value) > maxBytes) {
            throw new IllegalArgumentException(field + " must be at most " + maxBytes + " UTF-8 bytes");
        }
        return value;
    }

    static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max);
        }
        return value;
    }

    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max);
        }
        return value;
    }

    /** A defensive copy of 1..max bytes. */
    static byte[] bytes(String field, byte[] value, int maxBytes) {
        Objects.requireNonNull(value, field);
        if (value.length == 0 || value.length > maxBytes) {
            throw new IllegalArgumentException(field + " must be 1.." + maxBytes + " bytes");
        }
        return value.clone();
    }

    static LocalDate date(String field, LocalDate value) {
        Objects.requireNonNull(value, field);
        if (value.isBefore(EARLIEST_DATE) || value.getYear() > 9999) {
            throw new IllegalArgumentException(field + " must be between 1900-01-01 and 9999-12-31");
        }
        return value;
    }

    static <T> T present(String field, T value) {
        return Objects.requireNonNull(value, field);
    }

    /** The UTF-8 length; unpaired surrogates are an error instead of a silent '?'. */
    static int utf8Length(String field, String value) {
        try {
            return StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value))
                    .remaining();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not valid Unicode text");
        }
    }
}
