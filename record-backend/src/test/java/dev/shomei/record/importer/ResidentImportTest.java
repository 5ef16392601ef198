package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentImportTest {
    static final String HEADER = "atena_number,my_number,family_name,given_name,family_name_kana,given_name_kana,"
            + "family_name_roman,given_name_roman,birth_date,sex,address,nationality,passport_number,status,"
            + "dose_number,vaccinated_on,product,manufacturer,lot_number,ticket_number\n";
    static final MunicipalityCode BUNKYO = TestData.BUNKYO;

    @TempDir
    Path temp;
    RecordStore store;
    ResidentImporter importer;
    String suzuki = TestData.myNumber("10000000017").digits();
    String tanaka = TestData.myNumber("10000000025").digits();

    @BeforeEach
    void open() {
        store = RecordStore.open("jdbc:sqlite:" + temp.resolve("records.db"), temp.resolve("keys.p12"));
        for (var municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path csv(String body) throws Exception {
        Path file = temp.resolve("import-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
        return file;
    }

    private String goodFile() {
        return "A-1," + suzuki + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,東京都文京区,JPN,TK0000001,,"
                + "1,2021-06-01,comirnaty,,FA1234,0000000001\n"
                + "A-1," + suzuki + ",鈴木,一郎,スズキ,イチロウ,SUZUKI,ICHIRO,1970-01-02,1,東京都文京区,JPN,TK0000001,,"
                + "2,2021-06-22,comirnaty,,FA2345,0000000001\n"
                + "A-2," + tanaka + ",田中,花子,,,,,1985-04-01,2,,,,MOVED_OUT,1,2021-07-01,spikevax,モデルナ,300042,\n";
    }

    private long count(String table) {
        return store.database().read(tx -> tx.queryLong("SELECT count(*) FROM " + table));
    }

    @Test
    void importsResidentsWithTheirDosesAndMyNumbers() throws Exception {
        ResidentImporter.Report report = importer.importFile(BUNKYO, csv(goodFile()), "test");
        assertEquals(2, report.created());
        assertEquals(3, report.doses());
        Resident first = store.database().read(tx -> new ResidentRepository().findForIssue(tx,
                store.keyring().cipher(tx, BUNKYO), dev.shomei.record.domain.MyNumber.of(suzuki))
                .map(ResidentRepository.ForIssue::resident)).orElseThrow();
        assertEquals("鈴木", first.nameKanji().family());
        assertEquals("ICHIRO", first.nameRoman().given());
        assertTrue(first.hasPassportData());
        var doses = store.database().read(tx -> new VaccinationRepository().list(tx, store.keyring().cipher(tx, BUNKYO), first.id()));
        assertEquals(List.of(1, 2), doses.stream().map(d -> d.doseNumber()).toList());
        assertEquals("ファイザー社", doses.getFirst().manufacturer(), "defaults to the catalog's manufacturer");
        Resident second = store.database().read(tx -> new ResidentRepository().findByAtenaNumber(tx,
                store.keyring().cipher(tx, BUNKYO), "A-2")).orElseThrow();
        assertEquals(ResidentStatus.MOVED_OUT, second.status());
        assertEquals(1L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM audit_log WHERE action = 'IMPORT'")));
    }

    @Test
    void aBadRowImportsNothingAndNamesItsLine() throws Exception {
        String bad = goodFile() + "A-3,123456789012,佐藤,三郎,,,,,1990-13-01,1,,,,,1,2021-06-01,comirnaty,,FA1,\n";
        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, csv(bad), "test"));
        assertTrue(refused.problems().stream().anyMatch(p -> p.startsWith("line 5: my_number")), refused.problems().toString());
        assertTrue(refused.problems().stream().anyMatch(p -> p.startsWith("line 5: birth_date")), refused.problems().toString());
        assertEquals(0, count("resident"));
        assertEquals(0, count("vaccination"));
        assertEquals(0, count("my_number"));
        for (String problem : refused.problems()) {
            assertFalse(problem.contains("123456789012") || problem.contains("佐藤"), "a problem never echoes a value");
        }
    }

    @Test
    void anUnknownProductIsRefusedListingTheKnownCodesAndXbbProductsImport() throws Exception {
        String rows = "C-1," + suzuki + ",鈴木,一郎,,,,,1970-01-02,1,,,,,1,2023-10-02,comirnaty-xbb15,,HF1234,\n"
                + "C-1," + suzuki + ",鈴木,一郎,,,,,1970-01-02,1,,,,,2,2024-01-15,daichirona-xbb15,,DS001,\n"
                + "C-2," + tanaka + ",田中,花子,,,,,1985-04-01,2,,,,,1,2023-10-02,novavax-xbb,,N1,\n";
        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, csv(rows), "test"));
        assertEquals(1, refused.problems().size(), refused.problems().toString());
        String problem = refused.problems().getFirst();
        assertTrue(problem.startsWith("line 4: product: must be one of "), problem);
        for (String known : List.of("comirnaty", "comirnaty-xbb15", "spikevax-xbb15", "daichirona-xbb15", "comirnaty-ba1",
                "unspecified")) {
            assertTrue(List.of(problem.substring(problem.indexOf("one of ") + 7).split(" ")).contains(known), problem);
        }
        ResidentImporter.Report report = importer.importFile(BUNKYO, csv(rows.substring(0, rows.lastIndexOf("C-2"))), "test");
        assertEquals(2, report.doses());
    }

    @Test
    void everyKindOfBadFieldIsReportedWithItsLine() throws Exception {
        String rows = "B-1," + suzuki + ",,一郎,,,,,1970-01-02,7,,,,,1,2021-06-01,comirnaty,,FA1,\n"
                + "B-2," + tanaka + ",田中,花子,,,,,1985-04-01,2,,JPN,,,1,2021-06-01,nosuchvaccine,,FA1,\n"
                + "B-3," + TestData.myNumber("10000000033").digits() + ",山田,一,,,,,1985-04-01,2,,,,DEAD,1,2099-01-01,comirnaty,,bad lot!,\n"
                + "B-4," + TestData.myNumber("10000000041").digits() + ",山田,二,,,,,1985-04-01,2,,,,,1,2021-06-01,comirnaty,,FA1,\n"
                + "B-4," + TestData.myNumber("10000000041").digits() + ",山田,二,,,,,1985-04-01,2,,,,,1,2021-07-01,comirnaty,,FA2,\n"
                + "B-5," + suzuki + ",鈴木,五,,,,,1985-04-01,2,,,,,1,2021-07-01,comirnaty,,FA2,\n"
                + "B-6,x,y\n";
        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, csv(rows), "test"));
        String all = String.join("\n", refused.problems());
        for (String expected : List.of("line 2: familyName", "line 2: sex", "line 3: passport data", "line 3: product",
                "line 4: status", "line 4: vaccinated_on", "line 6: dose_number", "line 7: my_number", "line 8: has 3 fields")) {
            assertTrue(all.contains(expected), "expected '" + expected + "' in\n" + all);
        }
        assertEquals(0, count("resident"));
    }

    @Test
    void headerProblemsAndNonUtf8AreRefused() throws Exception {
        Path noColumn = temp.resolve("no-column.csv");
        Files.writeString(noColumn, "atena_number,my_number,colour\n1,2,3\n");
        ImportException header = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, noColumn, "test"));
        assertTrue(header.problems().stream().anyMatch(p -> p.contains("unknown column 'colour'")));
        assertTrue(header.problems().stream().anyMatch(p -> p.contains("required column family_name is missing")));
        Path latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "A-1,x,\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        ImportException encoding = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, latin1, "test"));
        assertTrue(encoding.problems().getFirst().contains("not UTF-8"));
    }

    @Test
    void reimportingReplacesAResidentAndKeepsTheirId() throws Exception {
        importer.importFile(BUNKYO, csv(goodFile()), "test");
        TenantCipher tenant = store.database().read(tx -> store.keyring().cipher(tx, BUNKYO));
        String id = store.database().read(tx -> new ResidentRepository().idOfAtenaNumber(tx, tenant, "A-1")).orElseThrow();
        String changed = "A-1," + suzuki + ",鈴木,一郎,,,,,1970-01-02,1,,,,,1,2021-06-01,comirnaty,,FA1234,\n"
                + "A-1," + suzuki + ",鈴木,一郎,,,,,1970-01-02,1,,,,,2,2021-06-22,comirnaty,,FA2345,\n"
                + "A-1," + suzuki + ",鈴木,一郎,,,,,1970-01-02,1,,,,,3,2022-02-01,spikevax,,3003322,\n";
        ResidentImporter.Report report = importer.importFile(BUNKYO, csv(changed), "test");
        assertEquals(1, report.replaced());
        assertEquals(id, store.database().read(tx -> new ResidentRepository().idOfAtenaNumber(tx, tenant, "A-1")).orElseThrow());
        assertEquals(3, store.database().read(tx -> new VaccinationRepository().list(tx, tenant, id)).size());
        assertFalse(store.database().read(tx -> new ResidentRepository().findById(tx, tenant, id)).orElseThrow().hasPassportData());
    }

    @Test
    void aMyNumberHeldByAnotherResidentRefusesTheWholeImport() throws Exception {
        importer.importFile(BUNKYO, csv(goodFile()), "test");
        String clash = "A-9," + TestData.myNumber("10000000050").digits() + ",新,人,,,,,1999-09-09,1,,,,,1,2021-06-01,comirnaty,,FA1,\n"
                + "A-8," + suzuki + ",別,人,,,,,1999-09-09,1,,,,,1,2021-06-01,comirnaty,,FA1,\n";
        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO, csv(clash), "test"));
        assertTrue(refused.problems().getFirst().startsWith("line 3: my_number"), refused.problems().toString());
        assertEquals(2, count("resident"), "the good row of the refused file was not written either");
    }

    @Test
    void importsIntoTheNamedMunicipalityOnly() throws Exception {
        importer.importFile(TestData.SHINJUKU, csv(goodFile()), "test");
        assertEquals(0L, (long) store.database().read(tx -> new ResidentRepository().count(tx, store.keyring().cipher(tx, BUNKYO))));
        assertEquals(2L, (long) store.database().read(tx -> new ResidentRepository().count(tx, store.keyring().cipher(tx, TestData.SHINJUKU))));
    }
}
