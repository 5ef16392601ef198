package dev.shomei.record.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.cert.AlternativeName;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.RecordStore;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.store.AlternativeNameRepository;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 旧姓・別姓・別名: an optional import column, stored sealed, on the certificate beside the name. */
class AlternativeNameImportTest {
    private static final String HEADER = "atena_number,my_number,family_name,given_name,birth_date,sex,"
            + "family_name_roman,given_name_roman,nationality,passport_number,"
            + "alternative_name_kind,alternative_name,alternative_name_roman,dose_number,vaccinated_on,product,lot_number\n";
    private static final MunicipalityCode BUNKYO = TestData.BUNKYO;

    @TempDir
    Path temp;
    RecordStore store;
    ResidentImporter importer;
    String hanako = TestData.myNumber("10000000017").digits();
    String taro = TestData.myNumber("10000000025").digits();

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

    private Path csv(String rows) throws Exception {
        Path file = temp.resolve("import-" + System.nanoTime() + ".csv");
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFormerSurnameIsImportedSealedAndPrintedBesideTheNameAsThePassportShowsIt() throws Exception {
        importer.importFile(BUNKYO, csv("A-1," + hanako + ",山田,花子,1985-04-01,2,YAMADA,HANAKO,JPN,TK1234567,"
                + "旧姓,佐藤,sato,1,2021-06-01,comirnaty,FA1234\n"
                + "A-2," + taro + ",田中,太郎,1980-01-01,1,,,,,,,,1,2021-06-01,comirnaty,FA1234\n"), "test");
        Resident hanakoRecord = resident(hanako);
        AlternativeName stored = alternativeName(hanakoRecord).orElseThrow();
        assertEquals(AlternativeName.Kind.FORMER_SURNAME, stored.kind());
        assertEquals("佐藤", stored.name());
        assertEquals("SATO", stored.roman());
        assertTrue(alternativeName(resident(taro)).isEmpty(), "the column is optional");

        byte[] sealed = store.database().read(tx -> tx.queryOne(
                "SELECT name_enc FROM resident_alternative_name WHERE resident_id = ?", row -> row.getBytes(1),
                hanakoRecord.id())).orElseThrow();
        assertFalse(new String(sealed, StandardCharsets.UTF_8).contains("佐藤"), "sealed, not plaintext");
        assertFalse(contains(sealed, "佐藤".getBytes(StandardCharsets.UTF_8)));

        var doses = store.database().read(tx -> new VaccinationRepository().list(tx, store.keyring().cipher(tx, BUNKYO),
                hanakoRecord.id()));
        CertificateContent content = new CertificateContents(VaccineCatalog.standard()).build("JP0000000009",
                CertificateType.OVERSEAS, BuiltInMunicipalities.all().getFirst(), hanakoRecord, stored, doses,
                LocalDate.of(2024, 3, 1));
        assertEquals("山田\u3000花子（旧姓 佐藤）", content.person().printedName());
        assertEquals("YAMADA (SATO) HANAKO", content.person().printedRomanName(content.passport()));
        assertEquals("YAMADA HANAKO", content.passport().romanName(), "the QR codes keep the passport's MRZ name");
    }

    @Test
    void reimportingWithoutTheColumnRemovesItAndABadKindIsRefusedWithItsLine() throws Exception {
        importer.importFile(BUNKYO, csv("A-1," + hanako + ",山田,花子,1985-04-01,2,,,,,別名,ジェーン,JANE,1,2021-06-01,comirnaty,FA1\n"),
                "test");
        assertEquals(AlternativeName.Kind.ALTERNATIVE_GIVEN_NAME, alternativeName(resident(hanako)).orElseThrow().kind());
        importer.importFile(BUNKYO, csv("A-1," + hanako + ",山田,花子,1985-04-01,2,,,,,,,,1,2021-06-01,comirnaty,FA1\n"), "test");
        assertTrue(alternativeName(resident(hanako)).isEmpty());

        ImportException refused = assertThrows(ImportException.class, () -> importer.importFile(BUNKYO,
                csv("A-1," + hanako + ",山田,花子,1985-04-01,2,,,,,旧名,佐藤,,1,2021-06-01,comirnaty,FA1\n"
                        + "A-2," + taro + ",田中,太郎,1980-01-01,1,,,,,旧姓,,,1,2021-06-01,comirnaty,FA1\n"), "test"));
        assertEquals(2, refused.problems().size(), refused.problems().toString());
        assertTrue(refused.problems().get(0).startsWith("line 2: alternative_name_kind: must be 旧姓, 別姓 or 別名"));
        assertEquals("line 3: alternativeName name is missing", refused.problems().get(1));
        assertNull(refused.problems().stream().filter(p -> p.contains("佐藤")).findAny().orElse(null));
    }

    private Resident resident(String myNumber) {
        return store.database().read(tx -> new ResidentRepository().findForIssue(tx, store.keyring().cipher(tx, BUNKYO),
                dev.shomei.record.domain.MyNumber.of(myNumber)).map(ResidentRepository.ForIssue::resident)).orElseThrow();
    }

    private Optional<AlternativeName> alternativeName(Resident resident) {
        return store.database().read(tx -> new AlternativeNameRepository().find(tx, store.keyring().cipher(tx, BUNKYO),
                resident.id()));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
