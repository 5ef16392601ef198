package dev.shomei.printing.qr;

import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import java.nio.charset.StandardCharsets;

/** One QR data segment: a mode indicator, a character count and the data, in numeric or byte mode. */
public final class QrSegment {
    private final Mode mode;
    private final byte[] data; // byte mode: the bytes; numeric mode: the ASCII digits
    private final int characters;

    private QrSegment(Mode mode, byte[] data) {
        this.mode = mode;
        this.data = data;
        this.characters = data.length;
    }

    /** A byte-mode segment (ISO 8859-1 by default, no ECI: use it for ASCII text). */
    public static QrSegment bytes(byte[] data) {
        return new QrSegment(Mode.BYTE, data.clone());
    }

    public static QrSegment ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7e || text.charAt(i) < 0x20) {
                throw new IllegalArgumentException("byte segment text must be printable ASCII");
            }
        }
        return new QrSegment(Mode.BYTE, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** A numeric-mode segment: digits only, 10 bits per three digits. */
    public static QrSegment numeric(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("numeric segment holds digits only");
            }
        }
        return new QrSegment(Mode.NUMERIC, digits.getBytes(StandardCharsets.US_ASCII));
    }

    public Mode mode() {
        return mode;
    }

    public int characters() {
        return characters;
    }

    /** Bits this segment takes in a symbol of {@code version}, or -1 when its count does not fit. */
    int bitLength(Version version) {
        int countBits = mode.getCharacterCountBits(version);
        if (characters >= 1 << countBits) {
            return -1;
        }
        return 4 + countBits + dataBits();
    }

    private int dataBits() {
        if (mode == Mode.NUMERIC) {
            int remainder = characters % 3;
            return characters / 3 * 10 + (remainder == 0 ? 0 : remainder == 1 ? 4 : 7);
        }
        return characters * 8;
    }

    void appendTo(BitBuffer bits, Version version) {
        bits.append(mode.getBits(), 4);
        bits.append(characters, mode.getCharacterCountBits(version));
        if (mode == Mode.NUMERIC) {
            int i = 0;
            for (; i + 3 <= characters; i += 3) {
                bits.append(digit(i) * 100 + digit(i + 1) * 10 + digit(i + 2), 10);
            }
            if (characters - i == 2) {
                bits.append(digit(i) * 10 + digit(i + 1), 7);
            } else if (characters - i == 1) {
                bits.append(digit(i), 4);
            }
        } else {
            for (byte b : data) {
                bits.append(b & 0xff, 8);
            }
        }
    }

    private int digit(int index) {
        return data[index] - '0';
    }
}
