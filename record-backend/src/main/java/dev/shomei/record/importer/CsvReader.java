package dev.shomei.record.importer;

import java.io.FilterReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * RFC 4180 CSV, parsed by Apache Commons CSV: fields separated by commas, records by CRLF, LF or CR,
 * fields in double quotes may hold commas, line breaks and doubled quotes. Each record comes with the
 * line it starts on, for error messages; blank lines are skipped.
 *
 * <p>What this class adds to Commons CSV, so that the import refuses what it always refused: a
 * leading UTF-8 BOM is skipped; a record of more than {@value #MAX_FIELDS} fields or with a field of
 * more than {@value #MAX_FIELD_CHARS} characters is refused; and so is a quote inside an unquoted
 * field ({@code x"y}), which Commons CSV reads as text. To tell {@code x"y} from {@code "x""y"} (the
 * same value) it looks at how the record was written: the text Commons CSV has read since the
 * record's start is kept. That text is also what keeps a malformed file (a quote never closed) from
 * exhausting memory: past {@value #MAX_KEPT_CHARS} characters (two records of the largest allowed
 * size and Commons CSV's read-ahead) the record being read is refused.
 */
public final class CsvReader {
    public static final int MAX_FIELD_CHARS = 1_000;
    public static final int MAX_FIELDS = 64;
    /** A record of {@value #MAX_FIELDS} quoted fields, each of quotes only (doubled), plus separators. */
    private static final int MAX_RECORD_CHARS = MAX_FIELDS * (2 * MAX_FIELD_CHARS + 3) + 2;
    static final int MAX_KEPT_CHARS = 2 * MAX_RECORD_CHARS + 16 * 1024;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** One record and the (1-based) line it starts on. */
    public record Record(int line, List<String> fields) {
    }

    private final RecentText text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    public CsvReader(Reader in) throws IOException {
        text = new RecentText(withoutBom(in));
        parser = FORMAT.parse(text);
        records = parser.iterator();
    }

    /** The next record, or {@code null} at the end of the input; blank lines are skipped. */
    public Record next() throws IOException {
        while (true) {
            int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CSVException) {
                    // Commons CSV's own message gives positions only; ours says the same in our words
                    throw new CsvFormatException(line, "a quoted field is not closed, or text follows its closing quote");
                }
                if (e.getCause() instanceof RecordTooLong) {
                    throw new CsvFormatException(line, "a record is longer than " + MAX_FIELDS + " fields of "
                            + MAX_FIELD_CHARS + " characters can be");
                }
                throw e.getCause(); // the reader's, e.g. a byte that is not UTF-8
            }
            text.forgetBefore(record.getCharacterPosition());
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // a blank line
            }
            check(record, line);
            return new Record(line, record.toList());
        }
    }

    private void check(CSVRecord record, int line) {
        if (record.size() > MAX_FIELDS) {
            throw new CsvFormatException(line, "more than " + MAX_FIELDS + " fields");
        }
        long at = record.getCharacterPosition();
        for (String value : record) {
            if (value.length() > MAX_FIELD_CHARS) {
                throw new CsvFormatException(line, "a field is longer than " + MAX_FIELD_CHARS + " characters");
            }
            if (text.isQuoteAt(at)) {
                at += 2 + value.length() + value.chars().filter(c -> c == '"').count(); // "…", inner quotes doubled
            } else if (value.indexOf('"') >= 0) {
                throw new CsvFormatException(line, "a quote inside an unquoted field");
            } else {
                at += value.length();
            }
            at++; // the comma
        }
    }

    private static Reader withoutBom(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** The record being read is longer than any the limits allow (and so is not read to its end). */
    private static final class RecordTooLong extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Keeps what was read from the current record's start on, by character position. */
    private static final class RecentText extends FilterReader {
        private final StringBuilder kept = new StringBuilder();
        private long keptFrom;

        RecentText(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                kept.append((char) c);
                bounded();
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                kept.append(buffer, offset, n);
                bounded();
            }
            return n;
        }

        private void bounded() throws RecordTooLong {
            if (kept.length() > MAX_KEPT_CHARS) {
                throw new RecordTooLong();
            }
        }

        void forgetBefore(long position) {
            kept.delete(0, Math.toIntExact(position - keptFrom));
            keptFrom = position;
        }

        boolean isQuoteAt(long position) {
            int index = Math.toIntExact(position - keptFrom);
            return index < kept.length() && kept.charAt(index) == '"';
        }
    }
}
