package dev.shomei.card.data;

import dev.shomei.card.data.CardDataException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One BER-TLV inside a byte array, parsed as written. The card uses non-minimal tags
 * ({@code FF 20} for tag 32 in the private class): the tag is kept as the int of its bytes
 * ({@code 0xFF20}) and never normalised. Lengths: {@code 00..7F}, {@code 81 xx}, {@code 82 xx xx},
 * {@code 83 xx xx xx}; the indefinite form is refused.
 *
 * <p>Hand-written on purpose. The BER-TLV library GlobalPlatformPro uses, {@code com.payneteasy:ber-tlv}
 * 1.0-11, was tried on the card's needs (December 2026) and does not fit: its TLVs carry no byte
 * offsets, which {@link SignatureFile} (the signature covers raw byte ranges), {@link BasicInfoFile}
 * (fields found through an offset table) and {@link CvCertificate} (key ids between TLVs) need; it
 * has no header-only read ({@link #readHeader}, how the reader learns a file's length from its first
 * bytes); it reads the indefinite length {@code 80} as 0 and goes on instead of refusing it; and
 * truncated input ends in {@code ArrayIndexOutOfBoundsException} or {@code IllegalStateException},
 * where the card code (and its fuzz tests) need a {@link CardDataException} with a reason.
 *
 * @param tag         the tag bytes as an int, e.g. {@code 0xDF22}
 * @param start       offset of the first tag byte
 * @param valueOffset offset of the first value byte
 * @param valueLength number of value bytes
 */
public record BerTlv(int tag, int start, int valueOffset, int valueLength) {

    /** Offset just past the value. */
    public int end() {
        return valueOffset + valueLength;
    }

    public int headerLength() {
        return valueOffset - start;
    }

    /** A copy of the value bytes. */
    public byte[] value(byte[] buffer) {
        return Arrays.copyOfRange(buffer, valueOffset, end());
    }

    /**
     * Reads the TLV starting at {@code offset}, which must end at or before {@code limit}.
     *
     * @param reason what to report when the bytes are not a TLV
     * @throws CardDataException when the header is truncated, malformed or the value overruns the limit
     */
    public static BerTlv read(byte[] buffer, int offset, int limit, Reason reason) {
        BerTlv tlv = readHeader(buffer, offset, limit, reason);
        if (tlv.valueLength > limit - tlv.valueOffset) {
            throw new CardDataException(reason, String.format("tag %X at offset %d declares %d value bytes but only %d remain",
                    tlv.tag, offset, tlv.valueLength, limit - tlv.valueOffset));
        }
        return tlv;
    }

    /**
     * Reads only the tag and length at {@code offset}; the value may extend past {@code limit}
     * (the card reader uses this on the first bytes of a file to learn how much more to read).
     *
     * @throws CardDataException when the header itself is truncated or malformed
     */
    public static BerTlv readHeader(byte[] buffer, int offset, int limit, Reason reason) {
        if (buffer == null) {
            throw new CardDataException(reason, "no data");
        }
        if (offset < 0 || limit > buffer.length || offset >= limit) {
            throw new CardDataException(reason, "TLV expected at offset " + offset + " but the data ends");
        }
        int at = offset;
        int first = buffer[at++] & 0xFF;
        int tag = first;
        if ((first & 0x1F) == 0x1F) {
            int more = 0;
            int b;
            do {
                if (at >= limit) {
                    throw new CardDataException(reason, "truncated tag at offset " + offset);
                }
                if (++more > 2) {
                    throw new CardDataException(reason, "tag longer than 3 bytes at offset " + offset);
                }
                b = buffer[at++] & 0xFF;
                tag = (tag << 8) | b;
            } while ((b & 0x80) != 0);
        }
        if (at >= limit) {
            throw new CardDataException(reason, "missing length at offset " + offset);
        }
        int l0 = buffer[at++] & 0xFF;
        int length;
        if (l0 < 0x80) {
            length = l0;
        } else {
            int count = l0 - 0x80;
            if (count == 0 || count > 3) {
                throw new CardDataException(reason, String.format("unsupported length form %02X at offset %d", l0, offset));
            }
            if (at + count > limit) {
                throw new CardDataException(reason, "truncated length at offset " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (buffer[at++] & 0xFF);
            }
        }
        return new BerTlv(tag, offset, at, length);
    }

    /** Reads a TLV and requires its tag. */
    public static BerTlv expect(int tag, byte[] buffer, int offset, int limit, Reason reason) {
        BerTlv tlv = read(buffer, offset, limit, reason);
        if (tlv.tag != tag) {
            throw new CardDataException(reason, String.format("expected tag %X at offset %d, found %X", tag, offset, tlv.tag));
        }
        return tlv;
    }

    /** Bytes needed for a header with this tag and length. */
    public static int headerLength(int tag, int length) {
        return tagBytes(tag).length + lengthBytes(length).length;
    }

    /** Encodes {@code tag || length || value} with the shortest length form (the card's own files use it). */
    public static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.writeBytes(tagBytes(tag));
        out.writeBytes(lengthBytes(value.length));
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** Encodes a TLV whose value is the concatenation of {@code parts}. */
    public static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            value.writeBytes(part);
        }
        return encode(tag, value.toByteArray());
    }

    static byte[] tagBytes(int tag) {
        if (tag < 0) {
            throw new IllegalArgumentException("negative tag");
        }
        if (tag <= 0xFF) {
            return new byte[] {(byte) tag};
        }
        if (tag <= 0xFFFF) {
            return new byte[] {(byte) (tag >> 8), (byte) tag};
        }
        return new byte[] {(byte) (tag >> 16), (byte) (tag >> 8), (byte) tag};
    }

    /** 82 xx xx for 256..65535, 81 xx for 128..255: the card writes {@code 82 01 00} for 256. */
    static byte[] lengthBytes(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length <= 0xFFFF) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        throw new IllegalArgumentException("TLV value longer than 65535 bytes");
    }
}
