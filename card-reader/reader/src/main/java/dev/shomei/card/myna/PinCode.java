package dev.shomei.card.myna;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.util.Arrays;

/** Validation and encoding of the 4-digit input-assist PIN, before any APDU is sent. */
final class PinCode {
    private PinCode() {
    }

    /**
     * The PIN as 4 ASCII bytes (the caller wipes them).
     *
     * @throws ShomeiException {@code INVALID_REQUEST} unless exactly 4 ASCII digits
     */
    static byte[] toAscii(char[] pin) {
        if (pin == null || pin.length != InputAssistAp.PIN_LENGTH) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the PIN must be exactly 4 digits");
        }
        byte[] ascii = new byte[InputAssistAp.PIN_LENGTH];
        for (int i = 0; i < pin.length; i++) {
            char c = pin[i];
            if (c < '0' || c > '9') {
                Arrays.fill(ascii, (byte) 0);
                throw new ShomeiException(ErrorCode.INVALID_REQUEST, "the PIN must be exactly 4 digits");
            }
            ascii[i] = (byte) c;
        }
        return ascii;
    }
}
