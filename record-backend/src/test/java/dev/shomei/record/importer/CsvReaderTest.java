package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndCountsLines() throws Exception {
        CsvReader csv = new CsvReader(new StringReader("\uFEFFa,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n"));
        CsvReader.Record header = csv.next();
        assertEquals(1, header.line());
        assertEquals(List.of("a", "b", "c"), header.fields());
        CsvReader.Record quoted = csv.next();
        assertEquals(2, quoted.line());
        assertEquals(List.of("x,1", "say \"hi\"", "two\nlines"), quoted.fields());
        CsvReader.Record last = csv.next();
        assertEquals(5, last.line(), "the blank line 4 is skipped, the quoted break counted");
        assertEquals(List.of("last", "", ""), last.fields());
        assertNull(csv.next());
    }

    @Test
    void malformedCsvNamesTheLine() {
        CsvFormatException open = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a,b\n1,\"never closed\n"))));
        assertEquals(2, open.line());
        CsvFormatException stray = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a,b\n1,2\n3,x\"y\n"))));
        assertEquals(3, stray.line());
        CsvFormatException tooLong = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a\n" + "x".repeat(CsvReader.MAX_FIELD_CHARS + 1)))));
        assertTrue(tooLong.getMessage().contains("line 2"));
    }

    /** Commons CSV reads x"y as text; the import has always refused it, and still does, with its line. */
    @Test
    void aQuoteInsideAnUnquotedFieldIsRefusedButADoubledQuoteInAQuotedOneIsNot() throws Exception {
        CsvFormatException stray = assertThrows(CsvFormatException.class,
                () -> drain(new CsvReader(new StringReader("a,b\n\"x\"\"y\",2\n3, \"z\"\n"))));
        assertEquals(3, stray.line(), "a space before the quote makes it unquoted");
        CsvReader csv = new CsvReader(new StringReader("a,b,c\n\"x\"\"y\",\"\",\"q\"\"\"\n"));
        csv.next();
        assertEquals(List.of("x\"y", "", "q\""), csv.next().fields());
        assertNull(csv.next());
    }

    /** Far past Commons CSV's read-ahead, across quoted line breaks and CR, CRLF and LF line ends. */
    @Test
    void linesAndQuotesAreRightFarIntoALongFile() throws Exception {
        StringBuilder text = new StringBuilder("h1,h2\r\n");
        for (int i = 0; i < 3000; i++) {
            text.append("\"a,\"\"").append(i).append("\"\"\nb\",").append(i).append(i % 3 == 0 ? "\r" : i % 3 == 1 ? "\r\n" : "\n");
        }
        text.append("last,x\"y\n");
        CsvReader csv = new CsvReader(new StringReader(text.toString()));
        assertEquals(1, csv.next().line());
        for (int i = 0; i < 3000; i++) {
            CsvReader.Record record = csv.next();
            assertEquals(2 + 2 * i, record.line());
            assertEquals(List.of("a,\"" + i + "\"\nb", String.valueOf(i)), record.fields());
        }
        CsvFormatException stray = assertThrows(CsvFormatException.class, csv::next);
        assertEquals(2 + 2 * 3000, stray.line());
    }

    @Test
    void recordsMayHoldUpToTheFieldLimit() throws Exception {
        CsvReader csv = new CsvReader(new StringReader(",".repeat(CsvReader.MAX_FIELDS - 1) + "\n"
                + ",".repeat(CsvReader.MAX_FIELDS) + "\n"));
        assertEquals(CsvReader.MAX_FIELDS, csv.next().fields().size());
        assertEquals(2, assertThrows(CsvFormatException.class, csv::next).line());
    }

    /** A quote never closed is refused at its record's line, long before the file's end (memory stays bounded). */
    @Test
    void anUnclosedQuoteInAHugeFileIsRefusedEarly() throws Exception {
        int[] served = {0};
        java.io.Reader endless = new java.io.Reader() {
            private final java.io.Reader head = new StringReader("a,b\n1,2\n3,\"never closed ");

            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                int n = head.read(buffer, offset, length);
                if (n < 0) {
                    java.util.Arrays.fill(buffer, offset, offset + length, 'x');
                    n = length;
                }
                served[0] += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        CsvReader csv = new CsvReader(endless);
        csv.next();
        csv.next();
        CsvFormatException tooLong = assertThrows(CsvFormatException.class, csv::next);
        assertEquals(3, tooLong.line());
        assertTrue(served[0] < 2 * CsvReader.MAX_KEPT_CHARS, "read " + served[0] + " characters");
    }

    /** A reader's error (the importer's UTF-8 decoder) comes through as itself, not as a CSV error. */
    @Test
    void theReadersOwnErrorPassesThrough() {
        java.io.Reader failing = new java.io.Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.nio.charset.MalformedInputException(1);
            }

            @Override
            public void close() {
            }
        };
        assertThrows(java.nio.charset.CharacterCodingException.class, () -> drain(new CsvReader(failing)));
    }

    private static void drain(CsvReader csv) throws Exception {
        while (csv.next() != null) {
            // read everything
        }
    }
}
