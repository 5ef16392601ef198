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

    private static void drain(CsvReader csv) throws Exception {
        while (csv.next() != null) {
            // read everything
        }
    }
}
