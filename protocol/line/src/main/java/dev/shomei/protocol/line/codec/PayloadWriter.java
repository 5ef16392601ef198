package dev.shomei.protocol.line.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Writes the fields of one payload, big-endian. The encodings (mirrored by {@link PayloadReader}):
 *
 * <ul>
 * <li>{@code u8}, {@code u16}, {@code u32}: unsigned integers of 1, 2, 4 bytes; {@code i64}: signed, 8 bytes.
 * <li>{@code str<=N}: u16 byte length, then that many bytes of UTF-8, at most N.
 * <li>{@code bytes<=N}: u32 length, then the bytes, at most N.
 * <li>{@code date}: u16 year, u8 month, u8 day.
 * <li>{@code time}: u16 minutes since midnight (0..1439).
 * <li>{@code list<=N}: u16 count, then the elements.
 * </ul>
 *
 * Values were validated by the message records; a value out of range here is a bug and fails
 * with {@link IllegalArgumentException}.
 */
public final class PayloadWriter {
    private final ByteBuf out;
    private final int base;
    private final FieldListener listener;
    private final Deque<String> prefixes = new ArrayDeque<>();

    public PayloadWriter(ByteBuf out, FieldListener listener) {
        this.out = Objects.requireNonNull(out, "out");
        this.base = out.writerIndex();
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public PayloadWriter(ByteBuf out) {
        this(out, FieldListener.NONE);
    }

    public PayloadWriter u8(String field, int value) {
        int start = mark();
        out.writeByte(checkRange(field, value, 0, 0xFF));
        return traced(field, "u8", start);
    }

    public PayloadWriter u16(String field, int value) {
        int start = mark();
        out.writeShort(checkRange(field, value, 0, 0xFFFF));
        return traced(field, "u16", start);
    }

    public PayloadWriter u32(String field, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(field + " out of u32 range");
        }
        int start = mark();
        out.writeInt((int) value);
        return traced(field, "u32", start);
    }

    public PayloadWriter i64(String field, long value) {
        int start = mark();
        out.writeLong(value);
        return traced(field, "i64", start);
    }

    public PayloadWriter string(String field, String value, int maxBytes) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > maxBytes || utf8.length > 0xFFFF) {
            throw new IllegalArgumentException(field + " longer than " + maxBytes + " bytes");
        }
        int start = mark();
        out.writeShort(utf8.length);
        out.writeBytes(utf8);
        return traced(field, "str<=" + maxBytes, start);
    }

    public PayloadWriter bytes(String field, byte[] value, int maxBytes) {
        if (value.length > maxBytes) {
            throw new IllegalArgumentException(field + " longer than " + maxBytes + " bytes");
        }
        int start = mark();
        out.writeInt(value.length);
        out.writeBytes(value);
        return traced(field, "bytes<=" + maxBytes, start);
    }

    public PayloadWriter date(String field, LocalDate value) {
        int start = mark();
        out.writeShort(checkRange(field, value.getYear(), 0, 0xFFFF));
        out.writeByte(value.getMonthValue());
        out.writeByte(value.getDayOfMonth());
        return traced(field, "date", start);
    }

    public PayloadWriter time(String field, LocalTime value) {
        int start = mark();
        out.writeShort(value.getHour() * 60 + value.getMinute());
        return traced(field, "time", start);
    }

    /** Writes a list's count; the caller then writes each element inside {@link #element}. */
    public PayloadWriter count(String field, int count, int max) {
        int start = mark();
        out.writeShort(checkRange(field, count, 0, Math.min(max, 0xFFFF)));
        return traced(field + ".count", "list<=" + max, start);
    }

    /** Names the fields written by {@code body} as {@code field[index].name}. */
    public PayloadWriter element(String field, int index, Runnable body) {
        prefixes.push(qualified(field) + "[" + index + "]");
        try {
            body.run();
        } finally {
            prefixes.pop();
        }
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return out.writerIndex() - base;
    }

    private int mark() {
        return size();
    }

    private PayloadWriter traced(String field, String encoding, int start) {
        listener.field(qualified(field), encoding, start, size());
        return this;
    }

    private String qualified(String field) {
        return prefixes.isEmpty() ? field : prefixes.peek() + "." + field;
    }

    private static int checkRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " out of range " + min + ".." + max);
        }
        return value;
    }
}
