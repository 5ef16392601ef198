package dev.shomei.record.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF or LF, fields in double quotes may hold
 * commas, line breaks and doubled quotes. A leading UTF-8 BOM is skipped. Each record remembers the
 * line it starts on, for error messages. Sizes are capped so a malformed file cannot exhaust memory.
 */
public final class CsvReader {
    public static final int MAX_FIELD_CHARS = 1_000;
    public static final int MAX_FIELDS = 64;

    /** One record and the (1-based) line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    private final Reader in;
    private int line = 1;
    private int peeked = -2;
    private boolean first = true;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record, or {@code null} at the end of the input; blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            if (peek() == -1) {
                return null;
            }
            int start = line;
            List<String> fields = readRecord();
            if (fields.size() == 1 && fields.getFirst().isEmpty()) {
                continue; // a blank line
            }
            return new Record(start, fields);
        }
    }

    private List<String> readRecord() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int recordLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                if (quoted) {
                    throw new CsvFormatException(recordLine, "a quoted field is not closed");
                }
                fields.add(field.toString());
                return fields;
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append(field, '"', recordLine);
                    } else {
                        quoted = false;
                    }
                } else {
                    append(field, (char) c, recordLine);
                }
                continue;
            }
            switch (c) {
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                    if (fields.size() >= MAX_FIELDS) {
                        throw new CsvFormatException(recordLine, "more than " + MAX_FIELDS + " fields");
                    }
                }
                case '\r' -> {
                    if (peek() == '\n') {
                        read();
                    }
                    fields.add(field.toString());
                    return fields;
                }
                case '\n' -> {
                    fields.add(field.toString());
                    return fields;
                }
                case '"' -> {
                    if (field.length() > 0 || wasQuoted) {
                        throw new CsvFormatException(recordLine, "a quote inside an unquoted field");
                    }
                    quoted = true;
                    wasQuoted = true;
                }
                default -> {
                    if (wasQuoted) {
                        throw new CsvFormatException(recordLine, "text after a closing quote");
                    }
                    append(field, (char) c, recordLine);
                }
            }
        }
    }

    private static void append(StringBuilder field, char c, int recordLine) {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw new CsvFormatException(recordLine, "a field is longer than " + MAX_FIELD_CHARS + " characters");
        }
        field.append(c);
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
            if (first) {
                first = false;
                if (peeked == '\uFEFF') {
                    peeked = in.read();
                }
            }
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (c == '\n') {
            line++;
        } else if (c == '\r') {
            // a lone CR ends a line too; CRLF counts once (the LF is consumed by the caller)
            if (peek() != '\n') {
                line++;
            }
        }
        return c;
    }
}
