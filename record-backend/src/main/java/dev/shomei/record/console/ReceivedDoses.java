package dev.shomei.record.console;

import dev.shomei.record.domain.Vaccination;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The doses a former municipality provided, as the text the asking side keeps sealed until they are taken
 * over: one CSV line per dose (dose number, date, product, manufacturer, lot, ticket number), written and
 * read by Commons CSV so that no field value can break the format.
 */
final class ReceivedDoses {
    private ReceivedDoses() {
    }

    static String write(List<Vaccination> doses) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (Vaccination dose : doses) {
                out.printRecord(dose.doseNumber(), dose.date(), dose.product(), dose.manufacturer(), dose.lotNumber(),
                        dose.ticketNumber() == null ? "" : dose.ticketNumber());
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
                doses.add(new Vaccination(ids.get(), Integer.parseInt(line.get(0)), LocalDate.parse(line.get(1)),
                        line.get(2), line.get(3), line.get(4), line.get(5).isEmpty() ? null : line.get(5)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doses;
    }
}
