package dev.shomei.protocol.line.codec;

import static dev.shomei.protocol.line.codec.LineProtocolException.Reason.MALFORMED_PAYLOAD;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Reads the fields of one payload, mirroring {@link PayloadWriter}. It never reads past the
 * payload, checks every length against its limit and against the bytes remaining before it
 * allocates, and {@link #finish()} rejects trailing bytes. Every failure is a {@link
 * LineProtocolException} with reason {@link LineProtocolException.Reason#MALFORMED_PAYLOAD} that
 * names the message and field, never the content.
 */
public final class PayloadReader {
    private final String context;
    private final ByteBuf in;

    /** @param context what is being read, for error messages (e.g. the message type) */
    public PayloadReader(String context, ByteBuf payload) {
        this.context = Objects.requireNonNull(context, "context");
        this.in = Objects.requireNonNull(payload, "payload");
    }

    public int u8(String field) {
        need(field, 1);
        return in.readUnsignedByte();
    }

    public int u16(String field) {
        need(field, 2);
        return in.readUnsignedShort();
    }

    public long u32(String field) {
        need(field, 4);
        return in.readUnsignedInt();
    }

    public long i64(String field) {
        need(field, 8);
        return in.readLong();
    }

    /** A u16-length UTF-8 string of at most {@code maxBytes}; malformed UTF-8 is an error. */
    public String string(String field, int maxBytes) {
        int length = u16(field + ".length");
        checkLength(field, length, maxBytes);
        ByteBuffer utf8 = in.nioBuffer(in.readerIndex(), length);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(utf8)
                    .toString();
            in.skipBytes(length);
            return value;
        } catch (CharacterCodingException e) {
            throw malformed(field + ": not valid UTF-8");
        }
    }

    /** A u32-length byte string of at most {@code maxBytes}. */
    public byte[] bytes(String field, int maxBytes) {
        long length = u32(field + ".length");
        checkLength(field, length, maxBytes);
        byte[] value = new byte[(int) length];
        in.readBytes(value);
        return value;
    }

    public LocalDate date(String field) {
        need(field, 4);
        int year = in.readUnsignedShort();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw malformed(field + ": not a calendar date");
        }
    }

    public LocalTime time(String field) {
        int minutes = u16(field);
        if (minutes >= 24 * 60) {
            throw malformed(field + ": minute of day " + minutes + " is not below 1440");
        }
        return LocalTime.of(minutes / 60, minutes % 60);
    }

    /**
     * A list's count, at most {@code max} and at most the bytes remaining (each element takes at
     * least {@code minElementBytes}), so a hostile count cannot make the caller allocate.
     */
    public int count(String field, int max, int minElementBytes) {
        int count = u16(field + ".count");
        if (count > max) {
            throw malformed(field + ": count " + count + " exceeds " + max);
        }
        if ((long) count * minElementBytes > in.readableBytes()) {
            throw malformed(field + ": count " + count + " needs more than the " + in.readableBytes()
                    + " bytes left");
        }
        return count;
    }

    /** A u8 wire value turned into an enum constant; unknown values are an error. */
    public <E> E u8Enum(String field, IntFunction<E> fromWire) {
        return known(field, u8(field), fromWire);
    }

    /** A u16 wire value turned into an enum constant; unknown values are an error. */
    public <E> E u16Enum(String field, IntFunction<E> fromWire) {
        return known(field, u16(field), fromWire);
    }

    public int remaining() {
        return in.readableBytes();
    }

    /** Fails when bytes are left over after the last field. */
    public void finish() {
        if (in.isReadable()) {
            throw malformed(in.readableBytes() + " trailing bytes after the last field");
        }
    }

    /** A {@link LineProtocolException} for this payload. */
    public LineProtocolException malformed(String detail) {
        return new LineProtocolException(MALFORMED_PAYLOAD, context + "." + detail);
    }

    private <E> E known(String field, int wireValue, IntFunction<E> fromWire) {
        E value = fromWire.apply(wireValue);
        if (value == null) {
            throw malformed(field + ": unknown value " + wireValue);
        }
        return value;
    }

    private void need(String field, int bytes) {
        if (in.readableBytes() < bytes) {
            throw malformed(field + ": needs " + bytes + " bytes, " + in.readableBytes() + " left");
        }
    }

    private void checkLength(String field, long length, int maxBytes) {
        if (length > maxBytes) {
            throw malformed(field + ": length " + length + " exceeds " + maxBytes);
        }
        if (length > in.readableBytes()) {
            throw malformed(field + ": length " + length + " exceeds the " + in.readableBytes() + " bytes left");
        }
    }

    /** Zeroes a temporary array that held personal data. */
    static void wipe(byte[]... arrays) {
        for (byte[] array : arrays) {
            if (array != null) {
                Arrays.fill(array, (byte) 0);
            }
        }
    }
}
