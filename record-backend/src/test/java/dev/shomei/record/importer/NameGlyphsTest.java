package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.testing.TestData;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A name character no certificate font has is refused at import, with its line, never printed as 〓. */
class NameGlyphsTest {
    private static final String HEADER = "atena_number,my_number,family_name,given_name,birth_date,sex,"
            + "dose_number,vaccinated_on,product,lot_number\n";
    private static Path body;
    private static Path names;

    @BeforeAll
    static void fonts() {
        body = font("shomei.font");
        names = font("shomei.nameFont");
    }

    private static Path font(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            String message = "no font at -D" + property + "=" + value + " (./shomei test installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return Path.of(value);
    }

    private static String row(String atena, String myNumber, String family, String given) {
        return atena + "," + myNumber + "," + family + "," + given + ",1970-01-02,1,1,2021-06-01,comirnaty,FA1234\n";
    }

    private static List<ImportedResident> read(NameGlyphs glyphs, String rows) throws Exception {
        return new ResidentCsv(TestData.BUNKYO, VaccineCatalog.standard(), LocalDate.of(2024, 3, 31), glyphs)
                .read(new StringReader(HEADER + rows));
    }

    @Test
    void mjCharactersTheNameFontHasImport() throws Exception {
        NameGlyphs both = NameGlyphs.of(body, names);
        List<ImportedResident> residents = read(both, row("A-1", TestData.myNumber("10000000017").digits(), "𠮷野", "髙﨑")
                + row("A-2", TestData.myNumber("10000000025").digits(), "渡邉", "花子"));
        assertEquals("𠮷野", residents.getFirst().resident().nameKanji().family());
        assertEquals(0, both.unprintableAt("𠮷野 髙﨑 葛\uDB40\uDD00城")); // a variation selector is ignored
    }

    @Test
    void aCharacterNoFontHasIsRefusedWithItsLineAndPositionNotTheCharacter() {
        NameGlyphs both = NameGlyphs.of(body, names);
        String rows = row("A-1", TestData.myNumber("10000000017").digits(), "山田", "太郎")
                + row("A-2", TestData.myNumber("10000000025").digits(), "山田", "花\uD83D\uDE00"); // an emoji: in no font
        ImportException refused = assertThrows(ImportException.class, () -> read(both, rows));
        assertEquals(List.of("line 3: given_name: character 2 is in no installed certificate font"
                + " (it would not print as itself)"), refused.problems());
        assertFalse(refused.problems().getFirst().contains("花"), "the name never appears in a message");
    }

    @Test
    void withoutTheNameFontASupplementaryPlaneCharacterIsRefused() {
        NameGlyphs bodyOnly = NameGlyphs.of(body);
        assertEquals(1, bodyOnly.unprintableAt("𠮷野"));
        ImportException refused = assertThrows(ImportException.class,
                () -> read(bodyOnly, row("A-1", TestData.myNumber("10000000017").digits(), "𠮷野", "太郎")));
        assertEquals("line 2: family_name: character 1 is in no installed certificate font"
                + " (it would not print as itself)", refused.problems().getFirst());
    }
}
