package dev.shomei.record.importer;

import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Tx;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The export of one municipality's residents and doses in the import's own format (docs/operations.md,
 * "Import file" and "Export file"; issue 21 point 6): exactly the import's columns without {@code my_number},
 * one row per dose, a resident without doses on one row with empty dose columns, by atena number. Re-imported
 * unchanged it changes nothing; edited, it applies the edits (the atena number is the key, the held My Number
 * stays). No My Number is read. UTF-8 with a BOM, CRLF, RFC 4180 quoting (Commons CSV); a cell starting with
 * {@code = + - @} gets a leading {@code '} so that no spreadsheet runs it as a formula, which the import removes
 * again ({@link #undefused}).
 */
public final class ResidentExport {
    /** The import's columns in the documented order, without my_number. */
    public static final List<String> COLUMNS = Stream.concat(Stream.of("atena_number", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "family_name_roman", "given_name_roman", "birth_date", "sex", "address",
            "nationality", "passport_number", "status", "variant_kanji", "alternative_name_kind", "alternative_name",
            "alternative_name_roman"), DoseCsv.COLUMNS.stream()).toList();
    private static final String FORMULA_STARTS = "=+-@";

    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final AlternativeNameRepository alternativeNames = new AlternativeNameRepository();

    /** The file's text and what it holds. Personal data: {@link #toString()} shows the counts only. */
    public record Export(String csv, int residents, int doses) {
        @Override
        public String toString() {
            return "Export[residents=" + residents + ", doses=" + doses + "]";
        }
    }

    /**
     * The file of the municipality of {@code tenant}, built inside the caller's read transaction (in memory, so
     * that a transaction the engine retries starts a fresh file).
     */
    public Export write(Tx tx, TenantCipher tenant) throws SQLException {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        int people = 0;
        int doses = 0;
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get())) {
            for (String id : residents.ids(tx, tenant)) {
                Resident r = residents.findById(tx, tenant, id).orElseThrow();
                AlternativeName alternative = alternativeNames.find(tx, tenant, id).orElse(null);
                List<String> person = List.of(r.atenaNumber(), r.nameKanji().family(), r.nameKanji().given(),
                        family(r.nameKana()), given(r.nameKana()), family(r.nameRoman()), given(r.nameRoman()),
                        r.birthDate().toString(), r.sex(), text(r.address()), text(r.nationality()),
                        text(r.passportNumber()), r.status().name(), r.variantKanji() ? "1" : "0",
                        alternative == null ? "" : alternative.kind().labelJa(),
                        alternative == null ? "" : alternative.name(),
                        alternative == null ? "" : text(alternative.roman()));
                List<Vaccination> list = vaccinations.list(tx, tenant, id);
                if (list.isEmpty()) {
                    print(csv, person, DoseCsv.NO_DOSE);
                }
                for (Vaccination dose : list) {
                    print(csv, person, DoseCsv.cells(dose));
                }
                people++;
                doses += list.size();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return new Export(out.toString(), people, doses);
    }

    private static void print(CSVPrinter csv, List<String> person, List<String> dose) throws IOException {
        List<String> cells = new ArrayList<>(person.size() + dose.size());
        for (String cell : person) {
            cells.add(defused(cell));
        }
        for (String cell : dose) {
            cells.add(defused(cell));
        }
        csv.printRecord(cells);
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
    static String defused(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The import's reading of a cell: the apostrophe {@link #defused} added is removed. */
    static String undefused(String cell) {
        return cell.length() >= 2 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static String family(PersonName name) {
        return name == null ? "" : name.family();
    }

    private static String given(PersonName name) {
        return name == null ? "" : name.given();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
