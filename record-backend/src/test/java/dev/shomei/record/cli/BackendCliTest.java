package dev.shomei.record.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.record.RecordStore;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.db.Database;
import dev.shomei.record.generate.DemoData;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as the launcher calls them, in-process against a temporary state directory. */
class BackendCliTest {
    @TempDir
    Path state;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The launcher makes the dev PKI before it starts the backend, which only reads it. */
    @BeforeEach
    void devPki() {
        DevPki.ensure(state.resolve("pki"));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new BackendCli(state, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private RecordStore store() {
        return RecordStore.open(Database.defaultUrl(state), MasterKeys.defaultFile(state));
    }

    @Test
    void usageMistakesExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("generate", "--municipality", "131059", "--residents", "5", "--colour", "red"));
        assertTrue(err().contains("unknown option --colour"));
        assertEquals(2, run("import", "--municipality", "131059"));
        assertEquals(0, run("help"));
        assertTrue(out().contains("audit-verify"));
    }

    @Test
    void helpAfterACommandPrintsTheUsageAndDoesNothingElse() throws Exception {
        assertEquals(0, run("import", "--municipality", "131059", "--help"));
        assertTrue(out().contains("import --municipality CODE FILE.csv"), out());
        assertEquals(0, run("serve", "-h"));
        try (var files = Files.list(state)) {
            assertEquals(java.util.List.of(state.resolve("pki")), files.toList(), "no database made, nothing imported");
        }
    }

    @Test
    void aNewMunicipalityIsAddedOnceAndThenTakesAnImport() throws Exception {
        String[] add = {"add-municipality", "--code", "012025", "--name-ja", "函館市", "--name-en", "Hakodate City",
                "--mayor-ja", "函館市長", "--mayor-en", "Mayor of Hakodate City", "--fee", "200"};
        assertEquals(1, run("import", "--municipality", "012025", write("empty.csv", "")));
        assertTrue(err().contains("does not exist"), err());
        assertEquals(0, run(add), err());
        assertTrue(out().contains("created"), out());
        assertEquals(0, run(add), err());
        assertTrue(out().contains("nothing changed"), out());
        assertEquals(1, run("add-municipality", "--code", "012026", "--name-ja", "x", "--name-en", "x",
                "--mayor-ja", "x", "--mayor-en", "x"), "a wrong check digit");
        assertEquals(2, run("add-municipality", "--code", "012025", "--participating", "maybe"));
        try (RecordStore store = store()) {
            long fee = store.database().read(tx -> tx.queryLong(
                    "SELECT fee_per_copy_yen FROM municipality WHERE code = '012025'"));
            assertEquals(200L, fee);
        }
    }

    @Test
    void theFeeIsSetAtTheBackendAndAudited() {
        assertEquals(0, run("add-municipality", "--code", "012025", "--name-ja", "函館市", "--name-en", "Hakodate City",
                "--mayor-ja", "函館市長", "--mayor-en", "Mayor of Hakodate City"), err());
        assertEquals(0, run("set-fee", "--municipality", "012025", "--fee", "300"), err());
        assertTrue(out().contains("120 -> 300"), out());
        assertEquals(2, run("set-fee", "--municipality", "012025", "--fee", "-5"), "out of range");
        assertEquals(2, run("set-fee", "--municipality", "012025"), "no fee");
        assertEquals(1, run("set-fee", "--municipality", "131016", "--fee", "100"), "no such municipality here");
        try (RecordStore store = store()) {
            assertEquals(300L, (long) store.database().read(tx -> tx.queryLong(
                    "SELECT fee_per_copy_yen FROM municipality WHERE code = '012025'")));
            assertEquals(1L, (long) store.database().read(tx -> tx.queryLong(
                    "SELECT count(*) FROM audit_log WHERE action = 'CHANGE_FEE' AND detail = 'from=120 to=300'")));
        }
        assertEquals(0, run("audit-verify"), out() + err());
    }

    private String write(String name, String text) throws java.io.IOException {
        Path file = state.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void aMunicipalityMovesToAnotherDatabaseAndARerunSaysItIsDone() {
        assertEquals(0, run("generate", "--municipality", "131041", "--residents", "12", "--seed", "3"), err());
        String target = "jdbc:sqlite:" + state.resolve("shard-2.db");
        String keys = state.resolve("shard-2-keys.p12").toString();
        assertEquals(2, run("move-municipality", "--code", "131041"), "--to-db is required");
        assertEquals(0, run("move-municipality", "--code", "131041", "--to-db", target, "--to-master-keys", keys,
                "--drain", "0"), err());
        assertTrue(out().contains("verified 131041"), out());
        assertTrue(out().contains("moved to " + target), out());
        try (RecordStore moved = RecordStore.open(target, Path.of(keys))) {
            assertEquals(12L, (long) moved.database().read(tx ->
                    tx.queryLong("SELECT COUNT(*) FROM resident WHERE municipality_code = '131041'")));
            assertTrue(moved.auditVerifier().verify().intact());
        }
        try (RecordStore here = store()) {
            assertEquals(0L, (long) here.database().read(tx ->
                    tx.queryLong("SELECT COUNT(*) FROM resident WHERE municipality_code = '131041'")));
        }
        assertEquals(0, run("move-municipality", "--code", "131041", "--to-db", target, "--to-master-keys", keys), err());
        assertEquals(1, run("move-municipality", "--code", "131041", "--to-db", target, "--to-master-keys", keys,
                "--abort"), "past the switch: no abort");
        assertTrue(err().contains("past the switch"), err());
        assertEquals(0, run("audit-verify"), out() + err());
    }

    @Test
    void generateCreatesTheMunicipalityAndIsRepeatableBySeed() {
        assertEquals(0, run("generate", "--municipality", "131041", "--residents", "25", "--seed", "7"), err());
        assertTrue(out().contains("generated 25 residents in 131041"), out());
        assertEquals(0, run("generate", "--municipality", "131041", "--residents", "25", "--seed", "7"), err());
        assertTrue(out().contains("generated 0 residents"), out());
        assertEquals(1, run("generate", "--municipality", "999997", "--residents", "5"));
        assertTrue(err().contains("does not exist"), err());
        try (RecordStore store = store()) {
            assertEquals(25L, (long) store.database().read(tx -> new ResidentRepository().count(tx,
                    store.keyring().cipher(tx, TestData.SHINJUKU))));
            long doses = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM vaccination"));
            assertTrue(doses >= 25 && doses <= 25 * 7, "1-7 doses each: " + doses);
        }
    }

    @Test
    void exportResidentsWritesTheImportFormatWithoutMyNumberAndReimportsUnchanged() throws Exception {
        assertEquals(0, run("generate", "--municipality", "131059", "--residents", "3", "--seed", "1"), err());
        Path file = state.resolve("residents.csv");
        assertEquals(0, run("export-residents", "--municipality", "131059", file.toString()), err());
        assertTrue(out().startsWith("exported 3 residents and "), out());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFatena_number,family_name,given_name,"), "the import's columns");
        assertFalse(csv.contains("my_number"));
        try (RecordStore store = store()) {
            java.util.List<String> numbers = store.database().read(tx -> {
                var tenant = store.keyring().cipher(tx, TestData.BUNKYO);
                java.util.List<String> all = new java.util.ArrayList<>();
                for (String id : new ResidentRepository().ids(tx, tenant)) {
                    all.add(tenant.open("my_number", "my_number_enc", id, tx.queryOne(
                            "SELECT my_number_enc FROM my_number WHERE resident_id = ?", row -> row.getBytes(1), id)
                            .orElseThrow()));
                }
                return all;
            });
            assertEquals(3, numbers.size());
            numbers.forEach(number -> assertFalse(csv.contains(number), "no My Number in the export"));
        }
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(file)), "personal data: owner only");
        }
        assertEquals(2, run("export-residents", "--municipality", "131059", file.toString()), "never overwrites");
        assertEquals(0, run("import", "--municipality", "131059", file.toString()), err());
        assertTrue(out().contains("(0 new, 0 replaced), 0 doses; 3 residents unchanged"), out());
    }

    @Test
    void importReportsLinesAndImportsNothingOnError() throws Exception {
        assertEquals(0, run("generate", "--municipality", "131059", "--residents", "1", "--seed", "1"), err());
        Path good = state.resolve("good.csv");
        Files.writeString(good, "atena_number,my_number,family_name,given_name,birth_date,sex,dose_number,vaccinated_on,"
                + "product,lot_number\nX-1," + TestData.myNumber("40000000001").digits()
                + ",山田,花子,1990-01-01,2,1,2021-07-01,comirnaty,FA1\n");
        assertEquals(0, run("import", "--municipality", "131059", good.toString()), err());
        assertTrue(out().contains("imported 1 residents into 131059 (1 new, 0 replaced), 1 doses"), out());

        Path bad = state.resolve("bad.csv");
        Files.writeString(bad, "atena_number,my_number,family_name,given_name,birth_date,sex,dose_number,vaccinated_on,"
                + "product,lot_number\nX-2," + TestData.myNumber("40000000002").digits()
                + ",山田,次郎,1990-01-01,2,1,2021-07-01,comirnaty,FA1\nX-3,40000000003,山田,三郎,1990-01-01,2,1,2021-07-01,comirnaty,FA1\n");
        assertEquals(1, run("import", "--municipality", "131059", bad.toString()));
        assertTrue(err().contains("nothing was imported"), err());
        assertTrue(err().contains("line 3: my_number"), err());
        assertFalse(err().contains("40000000003"), "the value is never echoed");
        try (RecordStore store = store()) {
            assertEquals(2L, (long) store.database().read(tx -> new ResidentRepository().count(tx,
                    store.keyring().cipher(tx, TestData.BUNKYO))));
        }
    }

    @Test
    void auditVerifyDetectsAnEditedRow() {
        assertEquals(0, run("generate", "--municipality", "131059", "--residents", "3", "--seed", "3"), err());
        assertEquals(0, run("audit-verify"), err());
        assertTrue(out().contains("audit log intact"), out());
        try (RecordStore store = store()) {
            store.database().write(tx -> tx.update("UPDATE audit_log SET detail = 'created=999' WHERE action = 'GENERATE'"));
        }
        assertEquals(1, run("audit-verify"));
        assertTrue(err().contains("audit log BROKEN") && err().contains("was changed"), err());
    }

    @Test
    void jwksAndKeyRotation() {
        assertEquals(0, run("jwks"), err());
        assertEquals(1, Jwks.parse(out().strip()).keys().size());
        assertEquals(0, run("rotate-shc-key"), err());
        assertEquals(0, run("jwks"), err());
        assertEquals(2, Jwks.parse(out().strip()).keys().size());
    }

    @Test
    void masterKeyRotationKeepsTheDataReadable() {
        assertEquals(0, run("generate", "--municipality", "131059", "--residents", "3", "--seed", "5"), err());
        assertEquals(0, run("rotate-master-key"), err());
        assertTrue(out().contains("master-2") && out().contains("re-wrapped"), out());
        try (RecordStore store = store()) {
            assertEquals("master-2", store.database().read(tx -> tx.queryOne(
                    "SELECT master_key_alias FROM municipality_key WHERE municipality_code = '131059'",
                    row -> row.getString(1))).orElseThrow());
            var ids = store.database().read(tx -> new ResidentRepository().ids(tx, store.keyring().cipher(tx, TestData.BUNKYO)));
            assertEquals(3, ids.size());
            assertTrue(store.database().read(tx -> new ResidentRepository().findById(tx,
                    store.keyring().cipher(tx, TestData.BUNKYO), ids.getFirst())).isPresent());
        }
    }

    @Test
    void demoDataIsIdempotentAndListsTheDemoResidents() throws Exception {
        // a small count keeps the test quick; a larger one later would only add the missing ones
        assertEquals(0, run("demo-data", "--residents", "20"), err());
        assertEquals(0, run("demo-data", "--residents", "20"), err());
        assertTrue(out().contains("(0 residents, 0 clerk logins added)"), out());
        assertTrue(Files.exists(state.resolve("backend/demo-logins.txt")));
        String guide = Files.readString(state.resolve("demo/backend-residents.txt"));
        assertTrue(guide.contains(DemoData.RESIDENTS.getFirst().myNumber().digits()));
        try (RecordStore store = store()) {
            long bunkyo = store.database().read(tx -> new ResidentRepository().count(tx, store.keyring().cipher(tx, TestData.BUNKYO)));
            assertEquals(20 + DemoData.RESIDENTS.size(), bunkyo);
        }
    }

    @Test
    void consolePcsAreRegisteredInTheDatabaseAndTheFormerFileIsImportedOnce() throws Exception {
        assertEquals(0, run("console-pc", "register", "bunkyo-pc-1"), err());
        assertTrue(out().contains("registered bunkyo-pc-1"), out());
        assertEquals(0, run("console-pc", "register", "bunkyo-pc-1"), err());
        assertTrue(out().contains("registered already"), out());
        assertEquals(1, run("console-pc", "register", "bad id"));
        assertEquals(2, run("console-pc", "register"));

        Files.createDirectories(state.resolve("backend"));
        Path legacy = state.resolve("backend/console-pcs.txt");
        Files.writeString(legacy, "# ward PCs\nbunkyo-pc-1\nbunkyo-pc-2\n");
        assertEquals(0, run("console-pc", "list"), err());
        assertTrue(out().contains("bunkyo-pc-2  (console-pcs.txt)"), out());
        assertEquals(1, run("console-pc", "unregister", "bunkyo-pc-1"), "still admitted through the former file");
        assertTrue(err().contains("still listed in"), err());
        assertEquals(0, run("console-pc", "import"), err());
        assertTrue(out().contains("imported 2 of 2"), out());
        Files.delete(legacy);
        assertEquals(0, run("console-pc", "list"), err());
        assertEquals("bunkyo-pc-1\nbunkyo-pc-2\n", out().replace("\r", ""));
        assertEquals(0, run("console-pc", "unregister", "bunkyo-pc-2"), err());
        assertEquals(0, run("console-pc", "list"), err());
        assertEquals("bunkyo-pc-1\n", out().replace("\r", ""));
        assertEquals(0, run("audit-verify"), err());
    }

    @Test
    void theConsolePortAdmitsTheTablesPcsAndWhileItExistsTheFormerFiles() throws Exception {
        Path legacy = state.resolve("backend/console-pcs.txt");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        ConsolePcCommand command = new ConsolePcCommand(legacy, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try (RecordStore store = store()) {
            var admitted = command.admitted(store);
            assertEquals(java.util.Set.of(), admitted.get());
            assertEquals(0, command.run(java.util.List.of("register", "bunkyo-pc-1"), store));
            Files.createDirectories(legacy.getParent());
            Files.writeString(legacy, "bunkyo-pc-9\n"); // written while the backend runs (as the system tests do)
            assertEquals(java.util.Set.of("bunkyo-pc-1", "bunkyo-pc-9"), admitted.get());
            assertTrue(command.admitted(store) != null && warnings.toString(StandardCharsets.UTF_8).contains("still read"),
                    "a start with the former file says how to move it");
        }
    }
}
