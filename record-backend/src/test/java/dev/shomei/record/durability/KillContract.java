package dev.shomei.record.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.RecordStore;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.crypto.MasterKeys;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.db.Engine;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.store.IssuanceRepository;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.VaccinationRepository;
import dev.shomei.record.testing.ChildBackend;
import dev.shomei.record.testing.TestData;
import dev.shomei.record.testing.TlsClients;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the backend process in the middle of an import and in the middle of issuing
 * leaves a consistent database: the import is all or nothing; every issuance that exists is whole
 * (record, sealed response, audit entry), every answer the center got is recorded, and retrying
 * the transactions yields exactly one issuance each. Run on every engine.
 */
public abstract class KillContract {
    private static final int IMPORT_RESIDENTS = 10_000;
    private static final int ISSUE_RESIDENTS = 40;
    private static final LocalDate BIRTH = LocalDate.of(1970, 1, 1);

    @TempDir
    Path state;

    protected abstract String newDatabaseUrl() throws Exception;

    private RecordStore open(String url) {
        return RecordStore.open(url, MasterKeys.defaultFile(state));
    }

    private static MyNumber myNumber(int prefix, int i) {
        return TestData.myNumber(prefix + String.format("%010d", i));
    }

    @Test
    void killedDuringAnImportLeavesNothingHalfWritten() throws Exception {
        String url = newDatabaseUrl();
        try (RecordStore store = open(url)) {
            BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "test"));
        }
        Path csv = state.resolve("big.csv");
        StringBuilder rows = new StringBuilder("atena_number,my_number,family_name,given_name,birth_date,sex,"
                + "dose_number,vaccinated_on,product,lot_number\n");
        for (int i = 0; i < IMPORT_RESIDENTS; i++) {
            rows.append("K-").append(i).append(',').append(myNumber(2, i).digits()).append(",山田,太郎,1970-01-01,1,1,")
                    .append("2021-06-01,comirnaty,FA").append(1000 + i % 9000).append('\n');
        }
        Files.writeString(csv, rows, StandardCharsets.UTF_8);

        try (ChildBackend child = ChildBackend.start(state, "import", "--db", url, "--municipality", "131059", csv.toString())) {
            child.awaitLine(line -> line.contains("import: 2,000 residents written") || line.contains("import: 2000 residents written"), 300);
            assertTrue(child.alive(), "still importing when killed");
            child.kill();
        }

        try (RecordStore store = open(url)) {
            assertConsistent(store);
            assertEquals(0, count(store, "resident"), "nothing of the killed import is visible");
            assertEquals(0, count(store, "my_number"));
            assertEquals(0, count(store, "vaccination"));
            assertEquals(0L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM audit_log WHERE action = 'IMPORT'")));
            ResidentImporter.Report again = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC())
                    .importFile(TestData.BUNKYO, csv, "test");
            assertEquals(IMPORT_RESIDENTS, again.created());
            assertEquals(IMPORT_RESIDENTS, count(store, "resident"));
            assertConsistent(store);
        }
    }

    @Test
    void killedWhileIssuingLeavesWholeIssuancesAndRetriesGiveOneEach() throws Exception {
        String url = newDatabaseUrl();
        try (RecordStore store = open(url)) {
            BuiltInMunicipalities.all().forEach(m -> store.ensureMunicipality(m, "OPERATOR", "test"));
            store.database().write(tx -> {
                TenantCipher tenant = store.keyring().cipher(tx, TestData.BUNKYO);
                for (int i = 0; i < ISSUE_RESIDENTS; i++) {
                    var resident = TestData.plain(TestData.BUNKYO, "I-" + i, BIRTH);
                    new ResidentRepository().insert(tx, tenant, resident, myNumber(6, i));
                    new VaccinationRepository().insertAll(tx, tenant, resident.id(), TestData.doses(2));
                }
                return null;
            });
        }
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        Map<String, String> confirmed = new ConcurrentHashMap<>();
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        try (ChildBackend child = ChildBackend.start(state, "serve", "--demo", "--db", url, "--api-port", "0", "--console-port", "0", "--public-port", "0")) {
            String started = child.awaitLine(line -> line.startsWith("backend: api "), 180);
            Matcher port = Pattern.compile("api https://127\\.0\\.0\\.1:(\\d+)").matcher(started);
            assertTrue(port.find(), started);
            String api = "https://127.0.0.1:" + port.group(1) + BackendApi.ISSUANCES;
            HttpClient center = TlsClients.client(pki.centerClient(), pki.rootCaCertificate());
            AtomicBoolean killed = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                clients.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !killed.get() && n < 10_000; n++) {
                        String transaction = "kill-" + thread + "-" + n;
                        attempted.add(transaction);
                        try {
                            HttpResponse<String> response = TlsClients.post(center, api, BackendJson.writeString(
                                    request(transaction, (thread * 7 + n) % ISSUE_RESIDENTS)));
                            if (response.statusCode() == 200) {
                                confirmed.put(transaction, BackendJson.read(response.body(), IssuanceResponse.class).certificateId());
                            }
                        } catch (Exception e) {
                            return; // the backend is gone
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (confirmed.size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(confirmed.size() >= 40, "issued " + confirmed.size() + " before the kill");
            child.kill();
            killed.set(true);
            for (Thread client : clients) {
                client.join(60_000);
            }
        }
        assertTrue(attempted.size() > confirmed.size() || attempted.size() >= 40);

        try (RecordStore store = open(url)) {
            assertConsistent(store);
            IssuanceRepository issuances = new IssuanceRepository();
            long rows = count(store, "issuance");
            assertTrue(rows >= confirmed.size(), rows + " issuances for " + confirmed.size() + " confirmed answers");
            for (var entry : confirmed.entrySet()) {
                var issuance = store.database().read(tx -> issuances.findByTransaction(tx, TestData.BUNKYO, entry.getKey()));
                assertEquals(entry.getValue(), issuance.orElseThrow().certificateId(), "a confirmed issuance is recorded");
            }
            // every recorded issuance is whole: its sealed answer opens and names it, its audit entry exists
            List<String[]> recorded = store.database().read(tx -> tx.query(
                    "SELECT id, certificate_id FROM issuance", row -> new String[] {row.getString(1), row.getString(2)}));
            TenantCipher tenant = store.database().read(tx -> store.keyring().cipher(tx, TestData.BUNKYO));
            for (String[] issuance : recorded) {
                String stored = store.database().read(tx -> issuances.storedResponse(tx, tenant, issuance[0])).orElseThrow();
                assertEquals(issuance[1], BackendJson.read(stored, IssuanceResponse.class).certificateId());
            }
            Set<String> audited = Set.copyOf(store.database().read(tx -> tx.query(
                    "SELECT target_id FROM audit_log WHERE action = 'ISSUE'", row -> row.getString(1))));
            assertEquals(recorded.stream().map(r -> r[1]).collect(java.util.stream.Collectors.toSet()), audited,
                    "exactly the recorded issuances are in the audit log");

            IssuanceService service = new IssuanceService(store.database(), store.keyring(), store.audit(),
                    new QrCertificateSigner(IssuerKeySources.dev(pki, "https://127.0.0.1:8411")),
                    new CertificateContents(VaccineCatalog.standard()), Clock.systemUTC());
            for (String transaction : attempted) {
                String[] parts = transaction.split("-");
                int resident = (Integer.parseInt(parts[1]) * 7 + Integer.parseInt(parts[2])) % ISSUE_RESIDENTS;
                IssuanceResponse retried = service.issue(request(transaction, resident), "test");
                String before = confirmed.get(transaction);
                if (before != null) {
                    assertEquals(before, retried.certificateId(), "a retry returns the recorded issuance");
                }
            }
            assertEquals(attempted.size(), count(store, "issuance"), "exactly one issuance per transaction");
            assertEquals((long) attempted.size(), (long) store.database().read(tx -> tx.queryLong(
                    "SELECT count(DISTINCT certificate_id) FROM issuance")));
            assertConsistent(store);
        }
    }

    private static IssuanceRequest request(String transaction, int resident) {
        return TestData.request(transaction, TestData.BUNKYO, myNumber(6, resident), BIRTH, CertificateType.DOMESTIC);
    }

    private static long count(RecordStore store, String table) {
        return store.database().read(tx -> tx.queryLong("SELECT count(*) FROM " + table));
    }

    /** Engine integrity, foreign keys and the audit chains. */
    private static void assertConsistent(RecordStore store) {
        if (store.database().engine() == Engine.SQLITE) {
            String integrity = store.database().read(tx -> tx.queryOne("PRAGMA integrity_check", row -> row.getString(1)))
                    .orElseThrow();
            assertEquals("ok", integrity);
            long foreignKeyProblems = store.database().read(tx -> (long) tx.query("PRAGMA foreign_key_check", row -> 1).size());
            assertEquals(0, foreignKeyProblems);
        }
        // set differences, not correlated subqueries: right after a bulk import PostgreSQL has no statistics yet
        long orphanDoses = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM (SELECT municipality_code, "
                + "resident_id FROM vaccination EXCEPT SELECT municipality_code, id FROM resident) orphans"));
        assertEquals(0, orphanDoses);
        long residentsWithoutMyNumber = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM (SELECT "
                + "municipality_code, id FROM resident EXCEPT SELECT municipality_code, resident_id FROM my_number) missing"));
        assertEquals(0, residentsWithoutMyNumber);
        AuditVerifier.Result audit = store.auditVerifier().verify();
        assertNotNull(audit);
        assertTrue(audit.intact(), audit.problems().toString());
    }
}
