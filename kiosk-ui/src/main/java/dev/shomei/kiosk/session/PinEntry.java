package dev.shomei.kiosk.session;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Arrays;

/**
 * The digits typed on the PIN pad so far, in a fixed {@code char[4]} that is wiped when taken or
 * cleared. Only the count leaves this class (for the masked display) — and the digits once, via
 * {@link #take()}.
 */
final class PinEntry {
    static final int LENGTH = 4;

    private final char[] digits = new char[LENGTH];
    private int length;

    void append(int digit) {
        if (digit < 0 || digit > 9) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "a PIN digit is 0..9");
        }
        if (length == LENGTH) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the PIN has " + LENGTH + " digits");
        }
        digits[length++] = (char) ('0' + digit);
    }

    void backspace() {
        if (length > 0) {
            digits[--length] = '\0';
        }
    }

    int length() {
        return length;
    }

    boolean complete() {
        return length == LENGTH;
    }

    /** Hands over the complete PIN (the caller wipes it) and clears this entry. */
    char[] take() {
        if (!complete()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the PIN has exactly " + LENGTH + " digits");
        }
        char[] pin = digits.clone();
        clear();
        return pin;
    }

    void clear() {
        Arrays.fill(digits, '\0');
        length = 0;
    }

    /** For tests: whether no digit remains in memory. */
    boolean isWiped() {
        for (char c : digits) {
            if (c != '\0') {
                return false;
            }
        }
        return length == 0;
    }
}
