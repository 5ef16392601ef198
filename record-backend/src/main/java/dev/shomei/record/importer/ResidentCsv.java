package dev.shomei.record.importer;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.cert.VaccineProduct;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.store.Ids;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the import file (docs/operations.md, "Import file"). One header row names the
 * columns (any order; optional ones may be left out); then one row per dose, the resident's columns
 * repeated on each of their rows; a resident without doses has one row with empty dose columns.
 * Rows with the same {@code atena_number} are one resident and must agree on every resident column.
 *
 * <p>Every problem is collected with its line number, up to {@value #MAX_PROBLEMS}; messages name
 * the column and the rule, never the value.
 */
public final class ResidentCsv {
    public static final List<String> REQUIRED = List.of("atena_number", "family_name", "given_name",
            "birth_date", "sex", "dose_number", "vaccinated_on", "product", "lot_number");
    /**
     * {@code my_number} is optional as a column: a file without it (the export's, {@link ResidentExport}) may only
     * change residents whose atena number exists, and keeps the My Numbers held for them; with it, every row needs one.
     */
    public static final List<String> OPTIONAL = List.of("my_number", "family_name_kana", "given_name_kana", "family_name_roman",
            "given_name_roman", "address", "nationality", "passport_number", "status", "variant_kanji", "manufacturer",
            "ticket_number", "alternative_name_kind", "alternative_name", "alternative_name_roman");
    private static final List<String> RESIDENT_COLUMNS = List.of("my_number", "family_name", "given_name",
            "family_name_kana", "given_name_kana", "family_name_roman", "given_name_roman", "birth_date", "sex", "address",
            "nationality", "passport_number", "status", "variant_kanji", "alternative_name_kind", "alternative_name",
            "alternative_name_roman");
    private static final int MAX_PROBLEMS = 100;
    private static final Pattern ATENA = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Pattern TICKET = Pattern.compile("[0-9A-Za-z-]{1,20}");
    private static final Set<String> SEX = Set.of("0", "1", "2", "9");
    private static final LocalDate EARLIEST_BIRTH = Resident.EARLIEST_BIRTH_DATE;

    private final MunicipalityCode municipality;
    private final VaccineCatalog catalog;
    private final LocalDate today;
    private final NameGlyphs glyphs;
    private final List<String> problems = new ArrayList<>();

    /** Checks name characters against the installed certificate fonts ({@link NameGlyphs#installed()}). */
    public ResidentCsv(MunicipalityCode municipality, VaccineCatalog catalog, LocalDate today) {
        this(municipality, catalog, today, NameGlyphs.installed());
    }

    public ResidentCsv(MunicipalityCode municipality, VaccineCatalog catalog, LocalDate today, NameGlyphs glyphs) {
        this.municipality = municipality;
        this.catalog = catalog;
        this.today = today;
        this.glyphs = glyphs;
    }

    /** Parses and checks the whole file; throws {@link ImportException} listing every problem. */
    public List<ImportedResident> read(Reader in) throws IOException {
        CsvReader csv = new CsvReader(in);
        CsvReader.Record header = nextRecord(csv); // a malformed header is refused like any other line
        if (header == null) {
            throw new ImportException(List.of("line 1: the file is empty (a header row is required)"));
        }
        Map<String, Integer> columns = columns(header);
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, String> atenaByMyNumber = new HashMap<>();
        for (CsvReader.Record record = nextRecord(csv); record != null; record = nextRecord(csv)) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            Row row = new Row(record, columns);
            if (record.fields().size() != header.fields().size()) {
                problem(record.line(), "has " + record.fields().size() + " fields, the header has " + header.fields().size());
                continue;
            }
            String atena = row.get("atena_number");
            if (!ATENA.matcher(atena).matches()) {
                problem(record.line(), "atena_number: must be 1..20 letters, digits or '-'");
                continue;
            }
            Group group = groups.get(atena);
            if (group == null) {
                group = new Group(record.line(), row);
                groups.put(atena, group);
                String myNumber = row.get("my_number");
                String other = atenaByMyNumber.putIfAbsent(myNumber, atena);
                if (other != null && !other.equals(atena) && !myNumber.isEmpty()) {
                    problem(record.line(), "my_number: the same My Number is given for another atena_number");
                }
            } else if (!group.first.sameResident(row)) {
                problem(record.line(), "resident columns differ from line " + group.line + " (same atena_number)");
                continue;
            }
            group.rows.add(row);
        }
        if (problems.isEmpty() && groups.isEmpty()) {
            problem(header.line(), "the file has a header but no rows");
        }
        List<ImportedResident> residents = new ArrayList<>();
        for (Group group : groups.values()) {
            if (problems.size() >= MAX_PROBLEMS) {
                break;
            }
            ImportedResident resident = resident(group);
            if (resident != null) {
                residents.add(resident);
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return residents;
    }

    private CsvReader.Record nextRecord(CsvReader csv) throws IOException {
        try {
            return csv.next();
        } catch (CsvFormatException e) {
            problem(e.line(), "not valid CSV");
            throw new ImportException(problems);
        }
    }

    private Map<String, Integer> columns(CsvReader.Record header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
                problem(header.line(), "unknown column '" + name.replaceAll("[^a-z0-9_]", "?") + "'");
            } else if (columns.putIfAbsent(name, i) != null) {
                problem(header.line(), "column " + name + " appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problem(header.line(), "required column " + required + " is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportException(problems);
        }
        return columns;
    }

    private ImportedResident resident(Group group) {
        Row row = group.first;
        int line = group.line;
        int before = problems.size();
        MyNumber myNumber = null;
        if (!row.has("my_number")) {
            myNumber = null; // kept as held; the importer refuses a new atena number without one
        } else if (!MyNumber.isValid(row.get("my_number"))) {
            problem(line, "my_number: must be 12 digits with a correct check digit");
        } else {
            myNumber = MyNumber.of(row.get("my_number"));
        }
        LocalDate birth = date(line, "birth_date", row.get("birth_date"), EARLIEST_BIRTH);
        String family = row.get("family_name");
        String given = row.get("given_name");
        check(line, () -> new Person(family, given, birth == null ? LocalDate.of(2000, 1, 1) : birth));
        printable(line, row, "family_name", "given_name", "family_name_kana", "given_name_kana", "alternative_name");
        AlternativeName alternativeName = alternativeName(line, row);
        PersonName kana = optionalName(line, row, "family_name_kana", "given_name_kana");
        PersonName roman = optionalName(line, row, "family_name_roman", "given_name_roman");
        String sex = row.get("sex");
        if (!SEX.contains(sex)) {
            problem(line, "sex: must be 0, 1, 2 or 9");
        }
        String address = blankToNull(row.get("address"));
        if (address != null && address.length() > 200) {
            problem(line, "address: longer than 200 characters");
        }
        String nationality = blankToNull(row.get("nationality"));
        String passport = blankToNull(row.get("passport_number"));
        if (passport != null || nationality != null || roman != null) {
            if (passport == null || nationality == null || roman == null) {
                problem(line, "passport data needs passport_number, nationality, family_name_roman and given_name_roman");
            } else {
                check(line, () -> new Passport(roman.family(), roman.given(), nationality, passport));
            }
        }
        ResidentStatus status = ResidentStatus.ACTIVE;
        String statusText = row.get("status");
        if (!statusText.isEmpty()) {
            try {
                status = ResidentStatus.valueOf(statusText);
            } catch (IllegalArgumentException e) {
                problem(line, "status: must be ACTIVE, MOVED_OUT or DECEASED");
            }
        }
        Boolean variantKanji = switch (row.get("variant_kanji").toLowerCase(Locale.ROOT)) {
            case "", "0", "false" -> false;
            case "1", "true" -> true;
            default -> {
                problem(line, "variant_kanji: must be 0, 1, true or false");
                yield false;
            }
        };
        List<Vaccination> doses = doses(group);
        if (problems.size() > before) {
            return null;
        }
        Resident resident = new Resident(Ids.random(), municipality, row.get("atena_number"), status,
                new PersonName(family, given), kana, roman, birth, sex, address, nationality, passport, variantKanji);
        return new ImportedResident(line, resident, myNumber, doses, alternativeName);
    }

    private List<Vaccination> doses(Group group) {
        List<Vaccination> doses = new ArrayList<>();
        Map<Integer, Integer> lineByDose = new HashMap<>();
        for (Row row : group.rows) {
            int line = row.line();
            boolean empty = DoseCsv.COLUMNS.stream().allMatch(column -> row.get(column).isEmpty());
            if (empty) {
                if (group.rows.size() > 1) {
                    problem(line, "dose columns are empty on one of several rows of this resident");
                }
                continue;
            }
            int number;
            try {
                number = Integer.parseInt(row.get("dose_number"));
            } catch (NumberFormatException e) {
                problem(line, "dose_number: must be a number 1..99");
                continue;
            }
            Integer earlier = lineByDose.putIfAbsent(number, line);
            if (earlier != null) {
                problem(line, "dose_number: dose " + number + " is given twice (also line " + earlier + ")");
                continue;
            }
            LocalDate date = date(line, "vaccinated_on", row.get("vaccinated_on"), Vaccination.FIRST_VACCINATION);
            VaccineProduct product = catalog.byCode(row.get("product")).orElse(null);
            if (product == null) {
                problem(line, "product: must be one of " + String.join(" ", catalog.all().stream()
                        .map(VaccineProduct::code).toList()));
            }
            String lot = row.get("lot_number");
            if (date != null && product != null && !check(line, () -> new Dose(number, date, product, lot))) {
                continue;
            }
            String ticket = blankToNull(row.get("ticket_number"));
            if (ticket != null && !TICKET.matcher(ticket).matches()) {
                problem(line, "ticket_number: must be 1..20 letters, digits or '-'");
            }
            String manufacturer = blankToNull(row.get("manufacturer"));
            if (manufacturer != null && manufacturer.length() > 40) {
                problem(line, "manufacturer: longer than 40 characters");
            }
            if (date != null && product != null) {
                doses.add(new Vaccination(Ids.random(), number, date, product.code(),
                        manufacturer == null ? product.manufacturerJa() : manufacturer, lot, ticket));
            }
        }
        return doses;
    }

    private PersonName optionalName(int line, Row row, String familyColumn, String givenColumn) {
        String family = blankToNull(row.get(familyColumn));
        String given = blankToNull(row.get(givenColumn));
        if (family == null && given == null) {
            return null;
        }
        if (family == null || given == null) {
            problem(line, familyColumn + " and " + givenColumn + ": give both or neither");
            return null;
        }
        if (family.length() > 40 || given.length() > 40) {
            problem(line, familyColumn + "/" + givenColumn + ": longer than 40 characters");
        }
        return new PersonName(family, given);
    }

    /**
     * The optional former or alternative name: {@code alternative_name_kind} 旧姓 / 別姓 / 別名 (or
     * {@code former_surname}, {@code alternative_surname}, {@code alternative_given_name}), the name
     * as registered, and optionally its Roman form as the passport prints it.
     */
    private AlternativeName alternativeName(int line, Row row) {
        String kindText = row.get("alternative_name_kind");
        String name = row.get("alternative_name");
        String roman = blankToNull(row.get("alternative_name_roman"));
        if (kindText.isEmpty() && name.isEmpty() && roman == null) {
            return null;
        }
        AlternativeName.Kind kind = switch (kindText.toLowerCase(Locale.ROOT)) {
            case "旧姓", "former_surname" -> AlternativeName.Kind.FORMER_SURNAME;
            case "別姓", "alternative_surname" -> AlternativeName.Kind.ALTERNATIVE_SURNAME;
            case "別名", "alternative_given_name" -> AlternativeName.Kind.ALTERNATIVE_GIVEN_NAME;
            default -> null;
        };
        if (kind == null) {
            problem(line, "alternative_name_kind: must be 旧姓, 別姓 or 別名 (former_surname, alternative_surname, "
                    + "alternative_given_name)");
            return null;
        }
        try {
            return new AlternativeName(kind, name, roman == null ? null : roman.toUpperCase(Locale.ROOT));
        } catch (ShomeiException e) {
            problem(line, e.getMessage().replaceFirst("^INVALID_REQUEST: ", ""));
            return null;
        }
    }

    /** A name character no certificate font has would print as 〓: refused, by position (never the character). */
    private void printable(int line, Row row, String... columns) {
        for (String column : columns) {
            int at = glyphs.unprintableAt(row.get(column));
            if (at > 0) {
                problem(line, column + ": character " + at + " is in no installed certificate font"
                        + " (it would not print as itself)");
            }
        }
    }

    private LocalDate date(int line, String column, String text, LocalDate earliest) {
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isBefore(earliest) || date.isAfter(today)) {
                problem(line, column + ": must lie between " + earliest + " and today");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problem(line, column + ": must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** Runs a value-type constructor; its message (which names the field, never the value) becomes a problem. */
    private boolean check(int line, Runnable construct) {
        try {
            construct.run();
            return true;
        } catch (ShomeiException e) {
            problem(line, e.getMessage().replaceFirst("^INVALID_REQUEST: ", ""));
            return false;
        }
    }

    private void problem(int line, String what) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("line " + line + ": " + what);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** One data row, read by column name; columns left out of the header read as "". */
    private record Row(CsvReader.Record record, Map<String, Integer> columns) {
        int line() {
            return record.line();
        }

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.fields().size()) {
                return "";
            }
            return ResidentExport.undefused(record.fields().get(index).strip());
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }

        boolean sameResident(Row other) {
            return RESIDENT_COLUMNS.stream().allMatch(column -> Objects.equals(get(column), other.get(column)));
        }
    }

    private static final class Group {
        final int line;
        final Row first;
        final List<Row> rows = new ArrayList<>();

        Group(int line, Row first) {
            this.line = line;
            this.first = first;
        }
    }
}
