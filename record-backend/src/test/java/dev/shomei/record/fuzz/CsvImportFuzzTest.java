package dev.shomei.record.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.fuzz.AllocationMeter;
import dev.shomei.protocol.fuzz.Mutations;
import dev.shomei.record.RecordStore;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ImportException;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.importer.NameGlyphs;
import dev.shomei.record.importer.ResidentCsv;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.testing.TestData;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The resident CSV import on mutated valid files: a file either imports or is refused with an
 * {@link ImportException} whose every problem names a line of the file, and a refused file leaves
 * the database exactly as it was (no resident, dose, My Number or audit row). Random valid files
 * import completely.
 */
class CsvImportFuzzTest {
    static final String HEADER = "atena_number,my_number,family_name,given_name,family_name_kana,given_name_kana,"
            + "family_name_roman,given_name_roman,birth_date,sex,address,nationality,passport_number,status,"
            + "dose_number,vaccinated_on,product,manufacturer,lot_number,ticket_number\n";
    private static final MunicipalityCode BUNKYO = TestData.BUNKYO;
    private static final Pattern LINE = Pattern.compile("^line (\\d+): .+");
    private static final byte[] GOOD = (HEADER
            + "A-1," + TestData.myNumber("10000000017").digits() + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,"
            + "東京都文京区,JPN,TK0000001,,1,2021-06-01,comirnaty,,FA1234,0000000001\n"
            + "A-1," + TestData.myNumber("10000000017").digits() + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,"
            + "東京都文京区,JPN,TK0000001,,2,2021-06-22,comirnaty,,FA2345,0000000001\n"
            + "A-2," + TestData.myNumber("10000000025").digits() + ",田中,花子,,,,,1985-04-01,2,,,,MOVED_OUT,1,2021-07-01,"
            + "spikevax,モデルナ,300042,\n"
            + "\"A-3\",\"" + TestData.myNumber("10000000033").digits() + "\",\"山田\",\"三郎\",,,,,1990-12-31,9,"
            + "\"東京都文京区春日1-16-21, 3F\",,,,1,2022-01-10,comirnaty,,\"FB\"\"9\",\n")
            .getBytes(StandardCharsets.UTF_8);

    private static Path temp;
    private static RecordStore store;
    private static ResidentImporter importer;

    @BeforeContainer
    static void open() throws IOException {
        temp = Files.createTempDirectory("csv-fuzz");
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        for (var municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
        NameGlyphs.installed(); // read the fonts' cmaps once, outside the allocation measurement
    }

    @AfterContainer
    static void close() throws IOException {
        store.close();
        try (var files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The parser alone: many tries, allocation measured. */
    @Property(tries = 3000)
    void mutatedFilesParseOrAreRefusedNamingALine(@ForAll long seed) {
        byte[] bytes = Mutations.mutate(GOOD, seed, 4);
        String text = new String(bytes, StandardCharsets.UTF_8);
        AllocationMeter.assertBounded(bytes.length, 200, () -> {
            try {
                List<ImportedResident> residents = new ResidentCsv(BUNKYO, VaccineCatalog.standard(), LocalDate.now())
                        .read(new StringReader(text));
                assertTrue(residents.size() <= 4 + 8, "at most one resident per line");
            } catch (ImportException refused) {
                assertNamesLines(refused, lines(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Through the real importer and SQLite: a refused file changes nothing. */
    @Property(tries = 150)
    void aRefusedFileImportsNothing(@ForAll long seed) throws IOException {
        byte[] bytes = Mutations.mutate(GOOD, seed, 3);
        Path file = temp.resolve("import.csv");
        Files.write(file, bytes);
        List<Long> before = counts();
        try {
            importer.importFile(BUNKYO, file, "fuzz");
            assertEquals(before.get(3) + 1, counts().get(3), "an import is audited once");
        } catch (ImportException refused) {
            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
            assertNamesLines(refused, lines(bytes));
            assertEquals(before, counts(), "a refused import changed the database");
        }
    }

    @Example
    void aByteThatIsNotUtf8IsReportedWithItsLine() throws IOException {
        String text = new String(GOOD, StandardCharsets.UTF_8);
        int thirdLine = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, 0, bytes.length, StandardCharsets.UTF_8).substring(0, thirdLine + 5)
                .getBytes(StandardCharsets.UTF_8).length;
        bytes[at] = (byte) 0xC3; // a lead byte followed by ASCII: malformed
        Path file = temp.resolve("latin1.csv");
        Files.write(file, bytes);
        List<Long> before = counts();
        ImportException refused = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> importer.importFile(BUNKYO, file, "fuzz"));
        assertEquals(List.of("line 3: not UTF-8 text"), refused.problems());
        assertEquals(before, counts());
    }

    @Example
    void aMalformedHeaderIsAnImportProblemWithItsLine() {
        ImportException refused = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> new ResidentCsv(BUNKYO, VaccineCatalog.standard(), LocalDate.now())
                        .read(new StringReader("atena_number,\"my_number\"x\n")));
        assertEquals(List.of("line 1: not valid CSV"), refused.problems());
    }

    @Property(tries = 30)
    void randomValidFilesImportCompletely(@ForAll @IntRange(min = 1, max = 6) int residents,
            @ForAll("births") LocalDate birth, @ForAll("municipalities") MunicipalityCode municipality) throws IOException {
        long tag = System.nanoTime() % 1_000_000;
        StringBuilder csv = new StringBuilder(HEADER);
        IntStream.range(0, residents).forEach(i -> {
            String eleven = String.format("%011d", 20_000_000_000L + tag * 10 + i);
            csv.append("R").append(tag).append('-').append(i).append(',').append(TestData.myNumber(eleven).digits())
                    .append(",試験,太郎,,,,,").append(birth).append(",1,,,,,1,2021-06-01,comirnaty,,FA1,\n");
        });
        Path file = temp.resolve("valid.csv");
        Files.writeString(file, csv);
        ResidentImporter.Report report = importer.importFile(municipality, file, "fuzz");
        assertEquals(residents, report.created());
        assertEquals(residents, report.doses());
    }

    @Provide
    Arbitrary<LocalDate> births() {
        return Arbitraries.integers().between(0, 30_000).map(d -> LocalDate.of(1930, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<MunicipalityCode> municipalities() {
        return Arbitraries.of(BuiltInMunicipalities.all().stream().map(m -> m.code()).toList());
    }

    private static void assertNamesLines(ImportException refused, int lines) {
        assertTrue(!refused.problems().isEmpty());
        for (String problem : refused.problems()) {
            Matcher m = LINE.matcher(problem);
            assertTrue(m.matches(), () -> "problem names no line: " + problem);
            int line = Integer.parseInt(m.group(1));
            assertTrue(line >= 1 && line <= lines + 1, () -> "line " + line + " of a " + lines + "-line file");
        }
    }

    private static int lines(byte[] bytes) {
        int lines = 1;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                lines++;
            }
        }
        return lines;
    }

    private static List<Long> counts() {
        return store.database().read(tx -> List.of(tx.queryLong("SELECT count(*) FROM resident"),
                tx.queryLong("SELECT count(*) FROM vaccination"), tx.queryLong("SELECT count(*) FROM my_number"),
                tx.queryLong("SELECT count(*) FROM audit_log WHERE action = 'IMPORT'")));
    }
}
