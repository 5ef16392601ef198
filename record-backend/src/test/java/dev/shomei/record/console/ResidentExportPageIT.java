package dev.shomei.record.console;

import static dev.shomei.record.console.ConsoleHttp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.testing.TestData;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The residents export on the console's export page (issue 21 point 6): a supervisor downloads the own
 * municipality's residents and doses in the import's columns without any My Number, audited with the counts;
 * imported again it changes nothing; roles without EXPORT get 403 and nothing.
 */
class ResidentExportPageIT extends ConsoleHttpIT {

    @Test
    void aSupervisorExportsTheResidentsInTheImportFormatWithoutMyNumber() throws Exception {
        login("supervisor-a");
        assertTrue(text(http.get("/export")).contains("href=\"/export/residents\""));
        assertEquals(200, http.get("/export/residents").statusCode());
        HttpResponse<byte[]> export = http.post("/export/residents", Map.of());
        assertEquals(200, export.statusCode(), text(export));
        assertTrue(export.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String csv = text(export);
        assertTrue(csv.startsWith("\uFEFFatena_number,family_name,given_name,"), csv);
        assertEquals(4, csv.split("\r\n").length, "header and the three doses of A's one resident");
        assertTrue(csv.contains(fixture.residentA.atenaNumber()) && csv.contains(TestData.FAMILY_KANJI)
                && csv.contains(TestData.PASSPORT) && csv.contains(fixture.dosesA.get(2).lotNumber()));
        assertFalse(csv.contains(fixture.residentB.atenaNumber()), "nothing of another municipality");
        assertFalse(csv.contains(fixture.myNumberA.digits()) || csv.contains(fixture.myNumberB.digits()));
        assertFalse(csv.contains("my_number"));
        assertEquals(List.of("residents=1 doses=3"), fixture.store.database().read(tx -> tx.query(
                "SELECT detail FROM audit_log WHERE action = 'EXPORT_RESIDENTS'", row -> row.getString(1))));

        Path file = dir.resolve("exported.csv");
        Files.write(file, export.body());
        ResidentImporter.Report report = new ResidentImporter(fixture.store, VaccineCatalog.standard(), Clock.systemUTC())
                .importFile(ConsoleFixture.A, file, "test");
        assertEquals(new ResidentImporter.Report(0, 0, 1, 0), report);
    }

    @Test
    void rolesWithoutExportGetNothing() throws Exception {
        for (String user : List.of("clerk-a", "stats", "admin-a", "clerk-b")) {
            login(user);
            assertEquals(403, http.get("/export/residents").statusCode(), user);
            HttpResponse<byte[]> refused = http.post("/export/residents", Map.of());
            assertEquals(403, refused.statusCode(), user);
            assertFalse(text(refused).contains(TestData.FAMILY_KANJI), user);
        }
        assertEquals(0L, (long) fixture.store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM audit_log WHERE action = 'EXPORT_RESIDENTS'")));
    }
}
