package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.store.DoseEntryRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV round trip without the My Number (issue 21 point 6): the export holds exactly the import's columns
 * minus my_number and no My Number; re-importing it changes nothing (not even a dose id or a recorded site);
 * an edited export applies its edits, keeps the held My Numbers, and exports again as edited; a new atena number
 * in a file without my_number is refused.
 */
class ResidentExportTest {
    static final MunicipalityCode BUNKYO = TestData.BUNKYO;
    static final String HEADER = "atena_number,my_number,family_name,given_name,family_name_kana,given_name_kana,"
            + "family_name_roman,given_name_roman,birth_date,sex,address,nationality,passport_number,status,variant_kanji,"
            + "alternative_name_kind,alternative_name,alternative_name_roman,"
            + "dose_number,vaccinated_on,product,manufacturer,lot_number,ticket_number\n";
    final MyNumber suzuki = TestData.myNumber("10000000017");
    final MyNumber tanaka = TestData.myNumber("10000000025");
    final MyNumber yamada = TestData.myNumber("10000000033");

    @TempDir
    Path temp;
    RecordStore store;
    ResidentImporter importer;

    @BeforeEach
    void open() throws Exception {
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        for (var municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
        importer.importFile(BUNKYO, file(HEADER
                + "A-1," + suzuki.digits() + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,\"東京都文京区春日1-16-21, 3階\","
                + "JPN,TK0000001,,0,旧姓,佐藤,SATO,1,2021-06-01,comirnaty,,FA1234,0000000001\n"
                + "A-1," + suzuki.digits() + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,\"東京都文京区春日1-16-21, 3階\","
                + "JPN,TK0000001,,0,旧姓,佐藤,SATO,2,2021-06-22,comirnaty,,FA2345,\n"
                + "A-2," + tanaka.digits() + ",髙田,花子,,,,,1985-04-01,2,=1+1,,,MOVED_OUT,1,,,,"
                + "1,2021-07-01,spikevax,モデルナ,300042,\n"
                + "A-3," + yamada.digits() + ",山田,太郎,ヤマダ,タロウ,,,1990-12-31,9,,,,,,,,,,,,,,\n"), "test");
        // a clerk recorded where dose 1 of A-1 was given: a re-import must not lose it
        store.database().write(tx -> {
            TenantCipher tenant = tenant(tx);
            String id = new ResidentRepository().idOfAtenaNumber(tx, tenant, "A-1").orElseThrow();
            Vaccination first = new VaccinationRepository().find(tx, tenant, id, 1).orElseThrow();
            new DoseEntryRepository().setSite(tx, tenant, id, first.id(), "文京区役所");
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private TenantCipher tenant(dev.shomei.record.db.Tx tx) throws java.sql.SQLException {
        return store.keyring().cipher(tx, BUNKYO);
    }

    private Path file(String text) throws Exception {
        Path file = temp.resolve("file-" + System.nanoTime() + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private String export() {
        return store.database().read(tx -> new ResidentExport().write(tx, tenant(tx))).csv();
    }

    /** Everything the municipality holds about its residents, ids included. */
    private List<Object> snapshot() {
        return store.database().read(tx -> {
            TenantCipher tenant = tenant(tx);
            List<Object> all = new ArrayList<>();
            for (String id : new ResidentRepository().ids(tx, tenant)) {
                all.add(new ResidentRepository().findById(tx, tenant, id).orElseThrow());
                all.add(new VaccinationRepository().list(tx, tenant, id));
                all.add(new AlternativeNameRepository().find(tx, tenant, id));
                all.add(new DoseEntryRepository().sites(tx, tenant, id));
            }
            return all;
        });
    }

    private boolean holds(String atena, MyNumber number) {
        return store.database().read(tx -> {
            TenantCipher tenant = tenant(tx);
            String id = new ResidentRepository().idOfAtenaNumber(tx, tenant, atena).orElseThrow();
            return new ResidentRepository().hasMyNumber(tx, tenant, id, number);
        });
    }

    @Test
    void theExportHasTheImportColumnsWithoutMyNumberAndNoMyNumber() {
        String csv = export();
        assertTrue(csv.startsWith("\uFEFF"), "a BOM, as the import allows");
        String header = csv.substring(1, csv.indexOf("\r\n"));
        List<String> columns = List.of(header.split(","));
        assertEquals(ResidentExport.COLUMNS, columns);
        List<String> importColumns = new ArrayList<>(ResidentCsv.REQUIRED);
        importColumns.addAll(ResidentCsv.OPTIONAL);
        importColumns.remove("my_number");
        assertEquals(importColumns.stream().sorted().toList(), columns.stream().sorted().toList(),
                "exactly the import's columns minus my_number");
        for (MyNumber number : List.of(suzuki, tanaka, yamada)) {
            assertFalse(csv.contains(number.digits()), "no My Number in the export");
        }
        assertEquals(5, csv.split("\r\n").length, "header, two doses of A-1, one of A-2, A-3 without doses");
        assertTrue(csv.contains(",'=1+1,"), "a formula is defused");
        assertTrue(csv.contains("\"東京都文京区春日1-16-21, 3階\""), "quoted as RFC 4180");
    }

    @Test
    void reimportingTheExportChangesNothing() throws Exception {
        List<Object> before = snapshot();
        String csv = export();
        ResidentImporter.Report report = importer.importFile(BUNKYO, file(csv), "test");
        assertEquals(new ResidentImporter.Report(0, 0, 3, 0), report);
        assertEquals(before, snapshot(), "every field, dose id, alternative name and site as before");
        assertTrue(holds("A-1", suzuki) && holds("A-2", tanaka) && holds("A-3", yamada), "the My Numbers stay");
        assertEquals(csv, export());
        String audited = store.database().read(tx -> tx.query("SELECT detail FROM audit_log WHERE action = 'IMPORT' "
                + "ORDER BY seq", row -> row.getString(1))).getLast();
        assertEquals("created=0 replaced=0 unchanged=3 doses=0", audited);
    }

    @Test
    void anEditedExportAppliesItsEditsAndExportsAsEdited() throws Exception {
        List<Object> before = snapshot();
        String csv = export();
        String edited = csv
                .replace("\"東京都文京区春日1-16-21, 3階\"", "東京都文京区本郷1-1")      // A-1's address, on both rows
                .replace(",FA2345,", ",FA2399,")                                   // A-1's dose 2 lot corrected
                .replace(",MOVED_OUT,", ",ACTIVE,")                                  // A-2 moved back
                .replace("A-3,山田,太郎,ヤマダ,タロウ,,,1990-12-31,9,,,,ACTIVE,0,,,,,,,,,",   // A-3 gets a dose
                        "A-3,山田,太郎,ヤマダ,タロウ,,,1990-12-31,9,,,,ACTIVE,0,,,,1,2022-01-10,spikevax,モデルナ社,3004667,T-9");
        assertNotEquals(csv, edited, "the test edits something");
        ResidentImporter.Report report = importer.importFile(BUNKYO, file(edited), "test");
        assertEquals(new ResidentImporter.Report(0, 3, 0, 4), report);
        assertEquals(edited, export(), "the next export is the edited file");
        assertTrue(holds("A-1", suzuki) && holds("A-2", tanaka) && holds("A-3", yamada), "the My Numbers stay");
        // dose 1 of A-1 was not edited: same id, and the site a clerk recorded is still there
        @SuppressWarnings("unchecked")
        List<Vaccination> dosesBefore = (List<Vaccination>) before.get(1);
        @SuppressWarnings("unchecked")
        List<Vaccination> dosesAfter = (List<Vaccination>) snapshot().get(1);
        assertEquals(dosesBefore.getFirst(), dosesAfter.getFirst());
        assertEquals(dosesBefore.get(1).id(), dosesAfter.get(1).id(), "a corrected dose keeps its id");
        assertEquals("FA2399", dosesAfter.get(1).lotNumber());
        assertEquals(before.get(3), snapshot().get(3), "the site stays");
    }

    @Test
    void aNewResidentNeedsTheMyNumberColumn() throws Exception {
        String csv = export();
        String withNew = csv + "A-9,新,人,,,,,1999-09-09,1,,,,,,,,,1,2021-06-01,comirnaty,,FA1,\r\n";
        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, file(withNew), "test"));
        assertEquals(List.of("line 6: my_number: required for a new resident (no resident has this atena_number)"),
                refused.problems());
        assertEquals(3L, (long) store.database().read(tx -> new ResidentRepository().count(tx, tenant(tx))));
    }
}
