package dev.shomei.record.console;

import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.importer.DoseCsv;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The doses a former municipality provided, as the text the asking side keeps sealed until they are taken
 * over: one CSV line per dose in the import file's dose columns ({@link DoseCsv}), written and
 * read by Commons CSV so that no field value can break the format.
 */
final class ReceivedDoses {
    private ReceivedDoses() {
    }

    static String write(List<Vaccination> doses) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (Vaccination dose : doses) {
                out.printRecord(DoseCsv.cells(dose));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The doses of {@link #write}, each with a fresh id ({@code ids} supplies them). */
    static List<Vaccination> read(String text, java.util.function.Supplier<String> ids) {
        List<Vaccination> doses = new ArrayList<>();
        try {
            for (CSVRecord line : CSVFormat.RFC4180.parse(new StringReader(text))) {
                doses.add(DoseCsv.read(ids.get(), line.toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doses;
    }
}
