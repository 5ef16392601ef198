package dev.shomei.protocol.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ShomeiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog is a data file: the bundled products, an operator's override, broken files refused. */
class VaccineCatalogTest {
    @TempDir
    Path dir;

    @Test
    void theBundledFileHoldsEveryProductUpTo2024WithItsCodes() {
        VaccineCatalog catalog = VaccineCatalog.bundled();
        assertEquals(18, catalog.all().size());
        VaccineProduct comirnatyXbb = catalog.byCode("comirnaty-xbb15").orElseThrow();
        assertEquals("309", comirnatyXbb.cvx());
        assertEquals("XM0GQ8", comirnatyXbb.icd11());
        assertEquals("COMIRNATY XBB.1.5", comirnatyXbb.nameEn());
        assertEquals("312", catalog.byCode("spikevax-xbb15").orElseThrow().cvx());
        assertEquals("308", catalog.byCode("comirnaty-6m-4-xbb15").orElseThrow().cvx());
        assertEquals("310", catalog.byCode("comirnaty-5-11-xbb15").orElseThrow().cvx());
        assertEquals("520", catalog.byCode("comirnaty-ba1").orElseThrow().cvx());
        assertEquals("519", catalog.byCode("spikevax-ba1").orElseThrow().cvx());
        VaccineProduct daichirona = catalog.byCode("daichirona-xbb15").orElseThrow();
        assertEquals(VaccineCatalog.UNSPECIFIED_CVX, daichirona.cvx(), "no CVX exists for Daichirona");
        assertEquals("DAICHIRONA XBB.1.5", daichirona.vdsName());
        assertEquals("211", catalog.byCode("nuvaxovid").orElseThrow().cvx());
        assertEquals("unspecified", catalog.byCvx("213").orElseThrow().code(), "CVX 213 does not name Daichirona");
        assertEquals("comirnaty-xbb15", catalog.byCvx("309").orElseThrow().code());
        // the codes records already hold keep their meaning
        for (String code : List.of("comirnaty", "comirnaty-5-11", "comirnaty-6m-4", "comirnaty-ba45", "spikevax",
                "spikevax-ba45", "nuvaxovid", "vaxzevria", "jcovden", "unspecified")) {
            assertTrue(catalog.byCode(code).isPresent(), code);
        }
        assertEquals("207", catalog.byCode("spikevax").orElseThrow().cvx());
    }

    @Test
    void anOverrideFileAddsAndReplacesProductsWithoutARebuild() throws Exception {
        Path file = write("""
                {"products": [
                  {"code": "nuvaxovid-xbb15", "nameJa": "ヌバキソビッド（1価：XBB.1.5）", "manufacturerJa": "武田薬品",
                   "nameEn": "Nuvaxovid XBB.1.5", "manufacturerEn": "Takeda", "cvx": "313", "icd11": "XM5JC5",
                   "vdsName": "NUVAXOVID XBB.1.5", "source": "CVX 313 (CDC Fall 2023)"},
                  {"code": "jcovden", "nameJa": "ジェコビデン", "manufacturerJa": "ヤンセン社", "nameEn": "JCOVDEN",
                   "manufacturerEn": "Janssen", "cvx": "212", "icd11": "XM9QW8", "vdsName": "JCOVDEN"}
                ]}""");
        VaccineCatalog catalog = VaccineCatalog.bundled().withFile(file);
        assertEquals(19, catalog.all().size());
        assertEquals("313", catalog.byCode("nuvaxovid-xbb15").orElseThrow().cvx());
        assertEquals("ヤンセン社", catalog.byCode("jcovden").orElseThrow().manufacturerJa());
        assertEquals(18, VaccineCatalog.bundled().all().size(), "the bundled table is unchanged");
    }

    @Test
    void aBrokenOverrideFileIsRefusedNamingTheEntry() throws Exception {
        Path badCvx = write("""
                {"products": [{"code": "x-1", "nameJa": "エックス", "manufacturerJa": "某社", "nameEn": "X",
                  "manufacturerEn": "Some", "cvx": "CVX-1", "icd11": "XM0GQ8", "vdsName": "X"}]}""");
        ShomeiException cvx = assertThrows(ShomeiException.class, () -> VaccineCatalog.bundled().withFile(badCvx));
        assertTrue(cvx.getMessage().contains("product 1 (x-1): vaccine cvx must be a CVX code"), cvx.getMessage());
        Path typo = write("{\"products\": [{\"code\": \"x-1\", \"nameJP\": \"エックス\"}]}");
        ShomeiException unknown = assertThrows(ShomeiException.class, () -> VaccineCatalog.bundled().withFile(typo));
        assertTrue(unknown.getMessage().contains("nameJP"), unknown.getMessage());
        Path empty = write("{\"products\": []}");
        assertThrows(ShomeiException.class, () -> VaccineCatalog.bundled().withFile(empty));
    }

    private Path write(String json) throws Exception {
        Path file = dir.resolve("catalog-" + System.nanoTime() + ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
