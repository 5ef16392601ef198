package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.util.Arrays;

/**
 * EF 0001: {@code FF 10 0C} + 12 ASCII digits, padded with {@code FF} (17 bytes on the card).
 */
public final class MyNumberFile {
    public static final int TAG = 0xFF10;
    /** The size of EF 0001 on a card. */
    public static final int SIZE = 17;

    private MyNumberFile() {
    }

    /**
     * @throws CardDataException {@code MY_NUMBER_MALFORMED} or {@code MY_NUMBER_CHECK_DIGIT}
     */
    public static MyNumber parse(byte[] ef0001) {
        Reason reason = Reason.MY_NUMBER_MALFORMED;
        BerTlv tlv = BerTlv.expect(TAG, ef0001, 0, ef0001 == null ? 0 : ef0001.length, reason);
        if (tlv.valueLength() != MyNumber.LENGTH) {
            throw new CardDataException(reason, "value has " + tlv.valueLength() + " bytes, not 12");
        }
        for (int i = tlv.end(); i < ef0001.length; i++) {
            if (ef0001[i] != (byte) 0xFF) {
                throw new CardDataException(reason, "padding after the TLV is not FF");
            }
        }
        byte[] digits = tlv.value(ef0001);
        try {
            for (byte b : digits) {
                if (b < '0' || b > '9') {
                    throw new CardDataException(reason, "value is not 12 ASCII digits");
                }
            }
            try {
                return MyNumber.fromAscii(digits);
            } catch (IllegalArgumentException e) {
                throw new CardDataException(Reason.MY_NUMBER_CHECK_DIGIT, "");
            }
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    /** Encodes EF 0001 for a virtual card: 17 bytes. */
    public static byte[] encode(MyNumber myNumber) {
        byte[] digits = myNumber.toAscii();
        try {
            return encodeDigits(digits);
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    /** Encodes any 12 bytes as EF 0001 (tests build invalid numbers with it). */
    public static byte[] encodeDigits(byte[] twelveAsciiDigits) {
        if (twelveAsciiDigits.length != MyNumber.LENGTH) {
            throw new IllegalArgumentException("12 digits");
        }
        byte[] out = new byte[SIZE];
        out[0] = (byte) 0xFF;
        out[1] = 0x10;
        out[2] = 0x0C;
        System.arraycopy(twelveAsciiDigits, 0, out, 3, MyNumber.LENGTH);
        out[15] = (byte) 0xFF;
        out[16] = (byte) 0xFF;
        return out;
    }
}
