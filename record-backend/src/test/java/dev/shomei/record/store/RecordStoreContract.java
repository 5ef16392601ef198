package dev.shomei.record.store;

import static dev.shomei.record.testing.TestData.BUNKYO;
import static dev.shomei.record.testing.TestData.CHIYODA;
import static dev.shomei.record.testing.TestData.SHINJUKU;
import static dev.shomei.record.testing.TestData.TAKATSUKASA_MY_NUMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.SmartHealthCardVerifier;
import dev.shomei.protocol.vds.VdsNcSeal;
import dev.shomei.protocol.vds.VdsNcSealer;
import dev.shomei.protocol.vds.VdsNcVerifier;
import dev.shomei.record.RecordStore;
import dev.shomei.record.audit.AuditEvent;
import dev.shomei.record.audit.AuditVerifier;
import dev.shomei.record.crypto.CryptoException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.domain.HoldReason;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.MyNumber;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.issue.CertificateContents;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.issue.QrCertificateSigner;
import dev.shomei.record.keys.IssuerKeys;
import dev.shomei.record.keys.ShcKeyRing;
import dev.shomei.record.testing.MutableClock;
import dev.shomei.record.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record store's behaviour, run on every engine: {@code SqliteRecordStoreTest} and
 * {@code PostgresRecordStoreIT} supply a fresh database per test.
 */
public abstract class RecordStoreContract {
    private static Path pkiDir;

    @TempDir
    Path temp;

    protected String url;
    protected RecordStore store;
    protected IssuerKeys keys;
    protected MutableClock clock;
    protected IssuanceService service;
    protected IssuanceOutcomes outcomes;
    private final ResidentRepository residents = new ResidentRepository();
    private final VaccinationRepository vaccinations = new VaccinationRepository();
    private final IssuanceRepository issuances = new IssuanceRepository();

    /** A fresh, empty database of this engine. */
    protected abstract String newDatabaseUrl() throws Exception;

    /** Every byte this engine stored for the database (files, dumps), after the test's writes. */
    protected abstract List<byte[]> rawStorage(String url) throws Exception;

    @BeforeAll
    static void pki() throws Exception {
        pkiDir = Files.createTempDirectory("shomei-record-pki-");
        DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void open() throws Exception {
        url = newDatabaseUrl();
        store = RecordStore.open(url, temp.resolve("master-keys.p12"));
        for (var municipality : BuiltInMunicipalities.all()) {
            store.ensureMunicipality(municipality, "OPERATOR", "test");
        }
        DevPki pki = DevPki.ensure(pkiDir);
        keys = new IssuerKeys("https://127.0.0.1:8411", () -> ShcKeyRing.fromDirectory(pki.shcDir()),
                new VdsNcSealer(pki.vdsSigner().privateKey(), pki.vdsSigner().certificate()));
        clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        service = new IssuanceService(store.database(), store.keyring(), store.audit(), new QrCertificateSigner(keys),
                new CertificateContents(VaccineCatalog.standard()), clock);
        outcomes = new IssuanceOutcomes(store.database(), store.audit(), clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    protected Resident add(MunicipalityCode code, Resident resident, MyNumber myNumber, List<Vaccination> doses) {
        return store.database().write(tx -> {
            TenantCipher tenant = store.keyring().cipher(tx, code);
            residents.insert(tx, tenant, resident, myNumber);
            vaccinations.insertAll(tx, tenant, resident.id(), doses);
            return resident;
        });
    }

    private TenantCipher cipher(MunicipalityCode code) {
        return store.database().read(tx -> store.keyring().cipher(tx, code));
    }

    // --- schema and municipalities -----------------------------------------------------------

    @Test
    void reopeningMigratesNothingTwiceAndKeepsData() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        long versionsBefore = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM flyway_schema_history"));
        assertTrue(versionsBefore >= 1);
        store.close();
        store = RecordStore.open(url, temp.resolve("master-keys.p12"));
        long versions = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM flyway_schema_history"));
        assertEquals(versionsBefore, versions);
        assertEquals(1L, (long) store.database().read(tx -> residents.count(tx, store.keyring().cipher(tx, BUNKYO))));
    }

    @Test
    void anotherMasterKeyStoreIsRefused() {
        store.close();
        CryptoException refused = assertThrows(CryptoException.class,
                () -> RecordStore.open(url, temp.resolve("other-master-keys.p12")));
        assertTrue(refused.getMessage().contains("does not belong"), refused.getMessage());
        store = RecordStore.open(url, temp.resolve("master-keys.p12"));
    }

    @Test
    void municipalitiesAreStoredWithKeys() {
        var list = store.database().read(tx -> new MunicipalityRepository().list(tx));
        assertEquals(BuiltInMunicipalities.all().size(), list.size());
        var bunkyo = list.stream().filter(m -> m.code().equals(BUNKYO)).findFirst().orElseThrow();
        assertEquals("文京区長", bunkyo.mayorTitleJa());
        assertEquals("Mayor of Bunkyo City", bunkyo.mayorTitleEn());
        assertEquals(120, bunkyo.feePerCopyYen());
        assertFalse(store.ensureMunicipality(BuiltInMunicipalities.find(BUNKYO).orElseThrow(), "OPERATOR", "test"));
        long keyRows = store.database().read(tx -> tx.queryLong("SELECT count(*) FROM municipality_key"));
        assertEquals(BuiltInMunicipalities.all().size(), keyRows);
    }

    // --- tenancy ---------------------------------------------------------------------------------

    @Test
    void aResidentIsFoundOnlyInsideTheirMunicipality() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        assertTrue(store.database().read(tx -> residents.findForIssue(tx, store.keyring().cipher(tx, BUNKYO),
                TAKATSUKASA_MY_NUMBER).map(ResidentRepository.ForIssue::resident)).isPresent());
        assertTrue(store.database().read(tx -> residents.findForIssue(tx, store.keyring().cipher(tx, SHINJUKU),
                TAKATSUKASA_MY_NUMBER).map(ResidentRepository.ForIssue::resident)).isEmpty());
        assertTrue(store.database().read(tx -> residents.findById(tx, store.keyring().cipher(tx, SHINJUKU),
                resident.id())).isEmpty());
        assertTrue(store.database().read(tx -> vaccinations.list(tx, store.keyring().cipher(tx, SHINJUKU),
                resident.id())).isEmpty());
    }

    @Test
    void theSameMyNumberMayBeRecordedByTwoMunicipalitiesIndependently() {
        Resident inBunkyo = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        Resident inShinjuku = add(SHINJUKU, TestData.takatsukasa(SHINJUKU), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        assertEquals(inBunkyo.id(), store.database().read(tx -> residents.residentIdOf(tx, cipher(BUNKYO),
                TAKATSUKASA_MY_NUMBER)).orElseThrow());
        assertEquals(inShinjuku.id(), store.database().read(tx -> residents.residentIdOf(tx, cipher(SHINJUKU),
                TAKATSUKASA_MY_NUMBER)).orElseThrow());
        byte[] bunkyoMac = cipher(BUNKYO).lookupMac(TAKATSUKASA_MY_NUMBER);
        byte[] shinjukuMac = cipher(SHINJUKU).lookupMac(TAKATSUKASA_MY_NUMBER);
        assertFalse(java.util.Arrays.equals(bunkyoMac, shinjukuMac), "lookup keys are per municipality");
    }

    @Test
    void deletionWorksOnlyInsideOnesOwnMunicipality() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(3));
        assertFalse((boolean) store.database().write(tx -> residents.delete(tx, store.keyring().cipher(tx, SHINJUKU), resident.id())));
        assertTrue(store.database().read(tx -> residents.findById(tx, cipher(BUNKYO), resident.id())).isPresent());
        assertEquals(3, store.database().read(tx -> vaccinations.list(tx, cipher(BUNKYO), resident.id())).size());

        assertTrue((boolean) store.database().write(tx -> residents.delete(tx, store.keyring().cipher(tx, BUNKYO), resident.id())));
        assertTrue(store.database().read(tx -> residents.findById(tx, cipher(BUNKYO), resident.id())).isEmpty());
        assertEquals(0L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM my_number")));
        assertEquals(0L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM vaccination")));
    }

    @Test
    void aResidentWithIssuanceRecordsIsNotDeleted() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        service.issue(TestData.request("t-keep", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        ShomeiException refused = assertThrows(ShomeiException.class,
                () -> store.database().write(tx -> residents.delete(tx, store.keyring().cipher(tx, BUNKYO), resident.id())));
        assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
        assertTrue(store.database().read(tx -> residents.findById(tx, cipher(BUNKYO), resident.id())).isPresent());
    }

    // --- encryption --------------------------------------------------------------------------

    @Test
    void personalFieldsRoundTripAndTheMyNumberSitsInItsOwnTable() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        Resident read = store.database().read(tx -> residents.findForIssue(tx, cipher(BUNKYO), TAKATSUKASA_MY_NUMBER)
                .map(ResidentRepository.ForIssue::resident))
                .orElseThrow();
        assertEquals(TestData.FAMILY_KANJI, read.nameKanji().family());
        assertEquals(TestData.GIVEN_ROMAN, read.nameRoman().given());
        assertEquals("ウタノスケ", read.nameKana().given());
        assertEquals(TestData.BIRTH, read.birthDate());
        assertEquals(TestData.ADDRESS, read.address());
        assertEquals(TestData.PASSPORT, read.passportNumber());
        assertEquals(resident.id(), read.id());
        assertTrue((boolean) store.database().read(tx -> residents.hasMyNumber(tx, cipher(BUNKYO), resident.id(), TAKATSUKASA_MY_NUMBER)));
        assertFalse((boolean) store.database().read(tx -> residents.hasMyNumber(tx, cipher(BUNKYO), resident.id(),
                TestData.myNumber("11111111111"))));
        List<String> residentColumns = store.database().read(tx -> tx.query(
                "SELECT * FROM resident", row -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        names.add(row.getMetaData().getColumnName(i).toLowerCase());
                    }
                    return String.join(",", names);
                })).stream().toList();
        assertFalse(residentColumns.getFirst().contains("my_number"), "the resident table has no My Number column");
    }

    @Test
    void aSealedValueMovedToAnotherRowNoLongerOpens() {
        Resident first = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        Resident second = add(BUNKYO, TestData.plain(BUNKYO, "A-2", LocalDate.of(1990, 1, 1)),
                TestData.myNumber("20000000001"), TestData.doses(1));
        store.database().write(tx -> tx.update("UPDATE resident SET family_name_kanji_enc = "
                + "(SELECT family_name_kanji_enc FROM resident WHERE id = ?) WHERE id = ?", first.id(), second.id()));
        assertThrows(CryptoException.class,
                () -> store.database().read(tx -> residents.findById(tx, cipher(BUNKYO), second.id())));
        assertTrue(store.database().read(tx -> residents.findById(tx, cipher(BUNKYO), first.id())).isPresent());
    }

    @Test
    void storageHoldsNoNameAddressPassportMyNumberOrDoseInClear() throws Exception {
        List<Vaccination> doses = distinctiveDoses();
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, doses);
        service.issue(TestData.request("t-leak", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        List<String> secrets = new ArrayList<>(List.of(TestData.FAMILY_KANJI, TestData.GIVEN_KANJI, TestData.FAMILY_ROMAN,
                TestData.GIVEN_ROMAN, "タカツカサ", TestData.ADDRESS, TestData.PASSPORT, TAKATSUKASA_MY_NUMBER.digits(), "1961-07-23",
                TestData.FAMILY_KANJI + TestData.GIVEN_KANJI));
        secrets.addAll(doseFields(doses));
        assertNothingInClear(rawStorage(url), secrets);
    }

    /** Doses whose every field is a string found nowhere else: date, product code, manufacturer, lot, ticket. */
    private static List<Vaccination> distinctiveDoses() {
        return List.of(
                new Vaccination(Ids.random(), 1, LocalDate.of(2021, 6, 3), "comirnaty", "ファイザー社（試）", "QX7301", "T77410001"),
                new Vaccination(Ids.random(), 2, LocalDate.of(2021, 6, 24), "spikevax", "モデルナ社（試）", "QX7302", "T77410002"),
                new Vaccination(Ids.random(), 3, LocalDate.of(2022, 1, 17), "nuvaxovid", "武田社（試）", "QX7303", "T77410003"));
    }

    /**
     * Other distinctive doses, for the test that writes them in clear as the former schema did (a
     * PostgreSQL server shared by the tests keeps them in its log; the scan above must not meet them).
     */
    private static List<Vaccination> formerPlaintextDoses() {
        return List.of(
                new Vaccination(Ids.random(), 1, LocalDate.of(2021, 8, 5), "vaxzevria", "アストラゼネカ社（旧）", "MG5501", "T66320001"),
                new Vaccination(Ids.random(), 2, LocalDate.of(2021, 9, 9), "jcovden", "ヤンセン社（旧）", "MG5502", "T66320002"),
                new Vaccination(Ids.random(), 3, LocalDate.of(2022, 3, 14), "vaxzevria", "アストラゼネカ社（旧）", "MG5503", "T66320003"));
    }

    private static List<String> doseFields(List<Vaccination> doses) {
        List<String> fields = new ArrayList<>();
        for (Vaccination dose : doses) {
            fields.addAll(List.of(dose.date().toString(), dose.product(), dose.manufacturer(), dose.lotNumber(), dose.ticketNumber()));
        }
        return fields;
    }

    private static void assertNothingInClear(List<byte[]> raw, List<String> secrets) {
        assertFalse(raw.isEmpty());
        long total = raw.stream().mapToLong(bytes -> bytes.length).sum();
        assertTrue(total > 10_000, "storage was captured (" + total + " bytes)");
        // each file once as Latin-1 text: String.indexOf is vectorised, a byte loop was minutes in CI
        List<String> files = raw.stream().map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).toList();
        // the municipality's public name must be found: proves the scan sees stored text at all
        assertTrue(files.stream().anyMatch(file -> file.contains(latin1("文京区長".getBytes(StandardCharsets.UTF_8)))));
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            String utf8 = latin1(searchable(secret, StandardCharsets.UTF_8));
            byte[] utf16 = secret.getBytes(StandardCharsets.UTF_16LE);
            for (String file : files) {
                // the message names the value's position in the list, never the value
                assertFalse(file.contains(utf8), "found personal value #" + i + " in clear storage");
                if (utf16.length >= MIN_NEEDLE_BYTES) {
                    assertFalse(file.contains(latin1(utf16)), "found personal value #" + i + " (UTF-16)");
                }
            }
        }
    }

    /** Bytes as the Latin-1 string with the same code units, so that byte search is string search. */
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /**
     * Needles shorter than this match random bytes by chance: PostgreSQL's data directory holds some
     * 10^8 bytes of ciphertext and WAL, so a 4-byte needle (鷹司 in UTF-16) matched somewhere in about
     * one run in forty (it did, in CI). At 6 bytes the chance is about 10^8 / 2^48 ≈ 4·10^-7 a run.
     */
    static final int MIN_NEEDLE_BYTES = 6;

    static byte[] searchable(String secret, java.nio.charset.Charset charset) {
        byte[] needle = secret.getBytes(charset);
        if (needle.length < MIN_NEEDLE_BYTES) {
            throw new IllegalArgumentException("a needle of " + needle.length + " bytes matches random storage by chance");
        }
        return needle;
    }

    /**
     * A database from before V100 (plaintext dose columns): opening it moves the doses aside, seals
     * them with the municipality's key and drops the plaintext table; what the clerk and the
     * certificate read is unchanged, and no dose field is left in clear.
     */
    @Test
    void dosesStoredInClearBeforeV100AreSealedWhenTheStoreOpens() throws Exception {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, List.of());
        List<Vaccination> doses = formerPlaintextDoses();
        TenantCipher bunkyo = cipher(BUNKYO);
        store.close();
        long recordedAt = 1_650_000_000_000L;
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
             java.sql.Statement statement = connection.createStatement()) {
            // back to schema 50: the vaccination table as V001 made it, V100 not yet applied
            statement.execute("DROP TABLE vaccination");
            for (String part : formerVaccinationTable(url).split(";")) {
                if (!part.isBlank()) {
                    statement.execute(part.strip());
                }
            }
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '100'");
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO vaccination (municipality_code, "
                    + "id, resident_id, dose_number, vaccinated_on, product, manufacturer, lot_number, ticket_number_enc, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Vaccination dose : doses) {
                    insert.setString(1, BUNKYO.value());
                    insert.setString(2, dose.id());
                    insert.setString(3, resident.id());
                    insert.setInt(4, dose.doseNumber());
                    insert.setString(5, dose.date().toString());
                    insert.setString(6, dose.product());
                    insert.setString(7, dose.manufacturer());
                    insert.setString(8, dose.lotNumber());
                    insert.setBytes(9, bunkyo.seal("vaccination", "ticket_number_enc", dose.id(), dose.ticketNumber()));
                    insert.setLong(10, recordedAt);
                    insert.setLong(11, recordedAt);
                    insert.executeUpdate();
                }
            }
        }

        store = RecordStore.open(url, temp.resolve("master-keys.p12"));
        service = new IssuanceService(store.database(), store.keyring(), store.audit(), new QrCertificateSigner(keys),
                new CertificateContents(VaccineCatalog.standard()), clock);

        assertEquals(doses, store.database().read(tx -> vaccinations.list(tx, cipher(BUNKYO), resident.id())));
        assertEquals(List.of(recordedAt), store.database().read(tx -> tx.query(
                "SELECT DISTINCT created_at FROM vaccination", row -> row.getLong(1))), "the recorded times are kept");
        assertThrows(RuntimeException.class, () -> store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM vaccination_unsealed")), "the plaintext table is gone");
        IssuanceResponse issued = service.issue(TestData.request("t-migrated", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC), "test");
        assertEquals(List.of("MG5501", "MG5502", "MG5503"), issued.certificate().content().doses().stream()
                .map(dose -> dose.lotNumber()).toList());
        assertNothingInClear(rawStorageAfterMigration(url), doseFields(doses));

        store.close();
        store = RecordStore.open(url, temp.resolve("master-keys.p12"));
        assertEquals(doses, store.database().read(tx -> vaccinations.list(tx, cipher(BUNKYO), resident.id())),
                "opening again changes nothing");
    }

    /** V001's CREATE TABLE vaccination (and, on PostgreSQL, its partitions), as the engine's script has it. */
    private static String formerVaccinationTable(String url) throws Exception {
        String folder = url.startsWith("jdbc:sqlite:") ? "sqlite" : "postgresql";
        try (var in = RecordStoreContract.class.getClassLoader()
                .getResourceAsStream("db/migration/" + folder + "/V001__records.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return script.substring(script.indexOf("CREATE TABLE vaccination ("), script.indexOf("CREATE TABLE issuance ("));
        }
    }

    /**
     * Storage to scan after the V100 sealing: by default {@link #rawStorage}. An engine whose
     * write-ahead log keeps the former plaintext until it is recycled says so by overriding this.
     */
    protected List<byte[]> rawStorageAfterMigration(String url) throws Exception {
        return rawStorage(url);
    }

    // --- issuance ----------------------------------------------------------------------------

    @Test
    void issuesADomesticCertificateThatVerifies() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(3));
        IssuanceResponse response = service.issue(
                TestData.request("t-1", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        assertTrue(response.certificateId().matches("13105[0-9A-Z]{7}"), response.certificateId());
        assertEquals(IssuanceStatus.ISSUED, response.status());
        assertEquals(120, response.feeTotalYen());
        assertEquals("文京区長", response.certificate().content().authority().nameJa());
        assertEquals(3, response.certificate().content().doses().size());
        assertEquals("コミナティ", response.certificate().content().doses().getFirst().product().nameJa());
        HealthCard card = new SmartHealthCardVerifier(keys.shc().jwks(), clock).verify(response.certificate().smartHealthCard());
        assertEquals("https://127.0.0.1:8411", card.issuer());
        assertEquals(TestData.BIRTH, card.birthDate());
        assertEquals(3, card.immunizations().size());
        assertEquals(TestData.FAMILY_KANJI, card.names().getFirst().family());
        assertEquals(response.certificateId(), response.certificate().content().certificateId());
        assertEquals(1L, (long) store.database().read(tx -> issuances.count(tx, BUNKYO)));
    }

    @Test
    void issuesAnOverseasCertificateWithBothSealsThatVerify() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(7));
        IssuanceResponse response = service.issue(
                TestData.request("t-os", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.OVERSEAS), "test");
        assertEquals(TestData.PASSPORT, response.certificate().content().passport().number());
        assertEquals("TAKATSUKASA UTANOSUKE", response.certificate().content().passport().romanName());
        VdsNcSeal seal = new VdsNcVerifier(List.of(DevPki.ensure(pkiDir).vdsCscaCertificate()), clock)
                .verify(response.certificate().vdsNc());
        assertEquals(response.certificateId(), seal.message().uvci());
        assertEquals(TestData.PASSPORT, seal.message().passportNumber());
        // seven on record: both codes carry the latest five the paper states, the seal with their real numbers
        assertEquals(List.of(3, 4, 5, 6, 7), seal.message().events().stream()
                .map(event -> event.details().getFirst().seq()).toList());
        HealthCard card = new SmartHealthCardVerifier(keys.shc().jwks(), clock).verify(response.certificate().smartHealthCard());
        assertEquals(5, card.immunizations().size());
        assertEquals(response.certificate().content().doses().getFirst().date(), card.immunizations().getFirst().date());
        assertTrue(response.certificate().content().furtherRecords());
        String passportSealed = store.database().read(tx -> tx.queryOne(
                "SELECT passport_number_enc FROM issuance WHERE transaction_id = 't-os'", row -> row.getBytes(1))).map(
                bytes -> "present").orElse("absent");
        assertEquals("present", passportSealed);
    }

    @Test
    void aVariantKanjiNameGetsACertificateWithoutQrCodes() {
        Resident variant = TestData.takatsukasa(BUNKYO);
        variant = new Resident(variant.id(), BUNKYO, variant.atenaNumber(), variant.status(), variant.nameKanji(),
                variant.nameKana(), variant.nameRoman(), variant.birthDate(), variant.sex(), variant.address(),
                variant.nationality(), variant.passportNumber(), true);
        add(BUNKYO, variant, TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        IssuanceResponse response = service.issue(
                TestData.request("t-var", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.OVERSEAS), "test");
        assertEquals(null, response.certificate().smartHealthCard());
        assertEquals(null, response.certificate().vdsNc());
        assertTrue(response.certificate().content().person().variantKanji());
    }

    @Test
    void aRotatedShcKeySignsAndTheOldOneStillVerifies() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        Path shcDir = temp.resolve("shc");
        copyKeys(DevPki.ensure(pkiDir).shcDir(), shcDir);
        IssuerKeys rotating = new IssuerKeys("https://127.0.0.1:8411", () -> ShcKeyRing.fromDirectory(shcDir), null);
        IssuanceService rotatingService = new IssuanceService(store.database(), store.keyring(), store.audit(),
                new QrCertificateSigner(rotating), new CertificateContents(VaccineCatalog.standard()), clock);
        String before = rotatingService.issue(TestData.request("k-1", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC), "test").certificate().smartHealthCard();
        String newKid = ShcKeyRing.rotate(shcDir);
        rotating.reload();
        String after = rotatingService.issue(TestData.request("k-2", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC), "test").certificate().smartHealthCard();
        assertEquals(2, rotating.shc().jwks().keys().size());
        assertEquals(newKid, rotating.shc().jwks().keys().getFirst().kid(), "the newest key is listed first");
        SmartHealthCardVerifier verifier = new SmartHealthCardVerifier(rotating.shc().jwks(), clock);
        assertNotEquals(verifier.verify(before).kid(), verifier.verify(after).kid());
        assertEquals(newKid, verifier.verify(after).kid());
    }

    private static void copyKeys(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aResidentOfAAskedForUnderBGetsNoRecordAndUnderAIssues() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        ShomeiException refused = assertThrows(ShomeiException.class, () -> service.issue(
                TestData.request("t-b", SHINJUKU, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test"));
        assertEquals(ErrorCode.NO_RECORD, refused.code());
        assertEquals(0L, (long) store.database().read(tx -> issuances.count(tx, SHINJUKU)));
        IssuanceResponse issued = service.issue(
                TestData.request("t-a", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        assertEquals(BUNKYO.value(), issued.municipalityCode());
    }

    @Test
    void refusalsUseTheSharedCodesAndRecordNothing() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        MyNumber noDoses = TestData.myNumber("30000000003");
        add(BUNKYO, TestData.plain(BUNKYO, "A-3", LocalDate.of(1980, 2, 2)), noDoses, List.of());
        MyNumber noPassport = TestData.myNumber("40000000004");
        add(BUNKYO, TestData.plain(BUNKYO, "A-4", LocalDate.of(1970, 3, 3)), noPassport, TestData.doses(1));

        assertRefused(ErrorCode.RESIDENT_FLAGGED, TestData.request("r1", BUNKYO, TAKATSUKASA_MY_NUMBER,
                TestData.BIRTH.plusDays(1), CertificateType.DOMESTIC));
        assertRefused(ErrorCode.NO_VACCINATION, TestData.request("r2", BUNKYO, noDoses, LocalDate.of(1980, 2, 2),
                CertificateType.DOMESTIC));
        assertRefused(ErrorCode.PASSPORT_INFO_MISSING, TestData.request("r3", BUNKYO, noPassport, LocalDate.of(1970, 3, 3),
                CertificateType.OVERSEAS));
        assertRefused(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, TestData.request("r4", CHIYODA, TAKATSUKASA_MY_NUMBER,
                TestData.BIRTH, CertificateType.DOMESTIC));
        assertRefused(ErrorCode.INVALID_REQUEST, new IssuanceRequest("r5", BUNKYO.value(), "123456789012",
                TestData.request("x", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC).holder(),
                CertificateType.DOMESTIC, 1, "KIOSK-0001"));
        assertRefused(ErrorCode.INVALID_REQUEST, new IssuanceRequest("r6", "131058", TAKATSUKASA_MY_NUMBER.digits(),
                TestData.request("x", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC).holder(),
                CertificateType.DOMESTIC, 1, "KIOSK-0001"));
        assertRefused(ErrorCode.INVALID_REQUEST, new IssuanceRequest("r 7", BUNKYO.value(), TAKATSUKASA_MY_NUMBER.digits(),
                TestData.request("x", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC).holder(),
                CertificateType.DOMESTIC, 11, "KIOSK-0001"));

        store.database().write(tx -> residents.setHold(tx, store.keyring().cipher(tx, BUNKYO), resident.id(),
                HoldReason.CARD_LOST_OR_STOLEN));
        assertRefused(ErrorCode.RESIDENT_FLAGGED, TestData.request("r8", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC));
        store.database().write(tx -> residents.setHold(tx, store.keyring().cipher(tx, BUNKYO), resident.id(), null));
        store.database().write(tx -> residents.setStatus(tx, store.keyring().cipher(tx, BUNKYO), resident.id(),
                ResidentStatus.DECEASED));
        assertRefused(ErrorCode.RESIDENT_FLAGGED, TestData.request("r9", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC));
        assertEquals(0L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM issuance")));
    }

    @Test
    void anIssueReadsTheResidentTheHoldTheAlternativeNameAndTheDosesInOneQuery() {
        List<Vaccination> doses = TestData.doses(3);
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, List.of(doses.get(2), doses.get(0), doses.get(1)));
        List<Vaccination> shinjukuDoses = TestData.doses(1);
        add(SHINJUKU, TestData.takatsukasa(SHINJUKU), TAKATSUKASA_MY_NUMBER, shinjukuDoses);
        ResidentRepository.ForIssue plain = store.database().read(tx ->
                residents.findForIssue(tx, cipher(BUNKYO), TAKATSUKASA_MY_NUMBER)).orElseThrow();
        assertEquals(resident, plain.resident());
        assertEquals(java.util.Optional.empty(), plain.hold());
        assertEquals(null, plain.alternativeName());
        assertEquals(doses, plain.doses(), "every dose, by dose number");
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> plain.doses().clear());
        Resident undosed = add(BUNKYO, TestData.plain(BUNKYO, "A-000202", TestData.BIRTH), TestData.myNumber("22222222222"), List.of());
        ResidentRepository.ForIssue withoutDoses = store.database().read(tx ->
                residents.findForIssue(tx, cipher(BUNKYO), TestData.myNumber("22222222222"))).orElseThrow();
        assertEquals(undosed, withoutDoses.resident());
        assertEquals(List.of(), withoutDoses.doses());

        dev.shomei.protocol.cert.AlternativeName former = new dev.shomei.protocol.cert.AlternativeName(
                dev.shomei.protocol.cert.AlternativeName.Kind.FORMER_SURNAME, "佐藤", "SATO");
        store.database().write(tx -> {
            residents.setHold(tx, cipher(BUNKYO), resident.id(), HoldReason.RECORD_UNDER_REVIEW);
            new AlternativeNameRepository().replace(tx, cipher(BUNKYO), resident.id(), former);
            return null;
        });
        ResidentRepository.ForIssue held = store.database().read(tx ->
                residents.findForIssue(tx, cipher(BUNKYO), TAKATSUKASA_MY_NUMBER)).orElseThrow();
        assertEquals(resident, held.resident());
        assertEquals(java.util.Optional.of(HoldReason.RECORD_UNDER_REVIEW), held.hold());
        assertEquals(former, held.alternativeName());
        assertEquals(doses, held.doses(), "each dose once beside the alternative name");
        assertRefused(ErrorCode.RESIDENT_FLAGGED, TestData.request("f-1", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC));
        store.database().write(tx -> residents.setHold(tx, cipher(BUNKYO), resident.id(), null));
        IssuanceResponse issued = service.issue(
                TestData.request("f-2", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        assertTrue(issued.certificate().content().person().printedName().endsWith("（旧姓 佐藤）"),
                "the issued certificate prints the alternative name beside the name");

        ResidentRepository.ForIssue inShinjuku = store.database().read(tx ->
                residents.findForIssue(tx, cipher(SHINJUKU), TAKATSUKASA_MY_NUMBER)).orElseThrow();
        assertEquals(SHINJUKU, inShinjuku.resident().municipality());
        assertEquals(java.util.Optional.empty(), inShinjuku.hold(), "another municipality's hold and name are not read");
        assertEquals(null, inShinjuku.alternativeName());
        assertEquals(shinjukuDoses, inShinjuku.doses(), "nor its doses");
        assertEquals(java.util.Optional.empty(), store.database().read(tx ->
                residents.findForIssue(tx, cipher(BUNKYO), TestData.myNumber("11111111111"))));
    }

    @Test
    void aMovedOutResidentIsCertifiedByTheMunicipalityThatVaccinatedThemForItsOwnDoses() {
        Resident resident = add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        store.database().write(tx -> residents.setStatus(tx, store.keyring().cipher(tx, BUNKYO), resident.id(),
                ResidentStatus.MOVED_OUT));
        IssuanceResponse issued = service.issue(
                TestData.request("m-1", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        assertEquals(BUNKYO.value(), issued.municipalityCode());
        assertEquals(BUNKYO.value(), issued.certificate().content().authority().municipalityCode());
        assertEquals(List.of(1, 2), issued.certificate().content().doses().stream().map(dose -> dose.number()).toList());

        store.database().write(tx -> residents.setHold(tx, store.keyring().cipher(tx, BUNKYO), resident.id(),
                HoldReason.RECORD_UNDER_REVIEW));
        assertEquals(java.util.Optional.of(HoldReason.RECORD_UNDER_REVIEW), store.database().read(tx ->
                residents.holdReason(tx, store.keyring().cipher(tx, BUNKYO), resident.id())));
        assertRefused(ErrorCode.RESIDENT_FLAGGED, TestData.request("m-2", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                CertificateType.DOMESTIC));
        assertEquals(1L, (long) store.database().read(tx -> issuances.count(tx, BUNKYO)), "the held request recorded nothing");
    }

    @Test
    void sevenDosesAreCertifiedAsTheLatestFiveWithTheNote() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(7));
        IssuanceResponse issued = service.issue(
                TestData.request("d-7", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        var content = issued.certificate().content();
        assertEquals(List.of(3, 4, 5, 6, 7), content.doses().stream().map(dose -> dose.number()).toList());
        assertTrue(content.furtherRecords());
    }

    private void assertRefused(ErrorCode expected, IssuanceRequest request) {
        ShomeiException refused = assertThrows(ShomeiException.class, () -> service.issue(request, "test"));
        assertEquals(expected, refused.code(), refused.getMessage());
    }

    @Test
    void aRetriedTransactionGetsTheSameIssuanceBack() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        IssuanceRequest request = TestData.request("t-retry", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC);
        IssuanceResponse first = service.issue(request, "test");
        IssuanceResponse second = service.issue(request, "test");
        assertEquals(first.certificateId(), second.certificateId());
        assertEquals(first.certificate().smartHealthCard(), second.certificate().smartHealthCard());
        assertEquals(1L, (long) store.database().read(tx -> issuances.count(tx, BUNKYO)));

        IssuanceRequest reusedForAnother = new IssuanceRequest("t-retry", BUNKYO.value(), TAKATSUKASA_MY_NUMBER.digits(),
                request.holder(), CertificateType.DOMESTIC, 2, "KIOSK-0001");
        assertRefused(ErrorCode.INVALID_REQUEST, reusedForAnother);
    }

    @Test
    void fiftyConcurrentIssueCallsGiveOneIssuancePerTransaction() throws Exception {
        List<MyNumber> numbers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            MyNumber number = TestData.myNumber(String.format("5%010d", i));
            numbers.add(number);
            add(BUNKYO, TestData.plain(BUNKYO, "C-" + i, LocalDate.of(1970 + i, 1, 1)), number, TestData.doses(1 + i % 3));
        }
        // 30 distinct transactions, plus 20 calls that repeat 4 of them (5 calls each, all at once)
        List<IssuanceRequest> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int who = i % 10;
            calls.add(TestData.request("dist-" + i, BUNKYO, numbers.get(who), LocalDate.of(1970 + who, 1, 1),
                    CertificateType.DOMESTIC));
        }
        for (int repeat = 0; repeat < 4; repeat++) {
            for (int copy = 0; copy < 5; copy++) {
                calls.add(TestData.request("same-" + repeat, BUNKYO, numbers.get(repeat), LocalDate.of(1970 + repeat, 1, 1),
                        CertificateType.DOMESTIC));
            }
        }
        assertEquals(50, calls.size());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        Map<String, Set<String>> certificatesByTransaction = new ConcurrentHashMap<>();
        try {
            List<Future<IssuanceResponse>> futures = new ArrayList<>();
            for (IssuanceRequest call : calls) {
                futures.add(pool.submit((Callable<IssuanceResponse>) () -> {
                    start.await();
                    return service.issue(call, "test");
                }));
            }
            start.countDown();
            for (Future<IssuanceResponse> future : futures) {
                IssuanceResponse response = future.get();
                certificatesByTransaction.computeIfAbsent(response.transactionId(), key -> ConcurrentHashMap.newKeySet())
                        .add(response.certificateId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(34, certificatesByTransaction.size());
        Set<String> all = new HashSet<>();
        for (var entry : certificatesByTransaction.entrySet()) {
            assertEquals(1, entry.getValue().size(), "one certificate for transaction " + entry.getKey());
            all.addAll(entry.getValue());
        }
        assertEquals(34, all.size(), "certificate ids are unique");
        assertEquals(34L, (long) store.database().read(tx -> issuances.count(tx, BUNKYO)));
        assertEquals(34L, (long) store.database().read(tx -> tx.queryLong(
                "SELECT count(DISTINCT transaction_id) FROM issuance WHERE municipality_code = ?", BUNKYO.value())));
        AuditVerifier.Result audit = store.auditVerifier().verify();
        assertTrue(audit.intact(), audit.problems().toString());
        assertEquals(34L, (long) store.database().read(tx -> tx.queryLong("SELECT count(*) FROM audit_log WHERE action = 'ISSUE'")));
    }

    // --- outcomes ----------------------------------------------------------------------------

    @Test
    void anOutcomeNamingAnotherTerminalIsRefused() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        service.issue(TestData.request("t-own", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");

        ShomeiException other = assertThrows(ShomeiException.class, () -> outcomes.update(
                new StatusUpdate(BUNKYO.value(), "t-own", IssuanceStatus.VOIDED, "CANCELLED", "KIOSK-0002"), "test"));
        assertEquals(ErrorCode.INVALID_REQUEST, other.code());
        assertEquals(IssuanceStatus.PRINTED, outcomes.update(
                new StatusUpdate(BUNKYO.value(), "t-own", IssuanceStatus.PRINTED, null, "KIOSK-0001"), "test").status());
    }

    @Test
    void aPrintedOutcomeMustReportTheRecordedFeeAndAVoidRecordsWhatWasKept() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        IssuanceResponse issued = service.issue(
                TestData.request("t-fee", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        service.issue(TestData.request("t-kept", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        int fee = issued.feeTotalYen();
        assertTrue(fee > 0, "the municipality charges a fee");

        ShomeiException wrong = assertThrows(ShomeiException.class, () -> outcomes.update(new StatusUpdate(
                BUNKYO.value(), "t-fee", IssuanceStatus.PRINTED, null, null, fee - 20), "test"));
        assertEquals(ErrorCode.FEE_MISMATCH, wrong.code());
        assertEquals(1L, (long) store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM issuance WHERE transaction_id = 't-fee' AND status = 'ISSUED' AND charged_yen IS NULL")),
                "a refused report changes nothing");
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(ShomeiException.class, () -> outcomes.update(new StatusUpdate(
                BUNKYO.value(), "t-fee", IssuanceStatus.PRINTED, null, null, -1), "test")).code());

        assertEquals(IssuanceStatus.PRINTED, outcomes.update(new StatusUpdate(
                BUNKYO.value(), "t-fee", IssuanceStatus.PRINTED, null, null, fee), "test").status());
        assertEquals(IssuanceStatus.VOIDED, outcomes.update(new StatusUpdate(
                BUNKYO.value(), "t-kept", IssuanceStatus.VOIDED, "PRINTER_FAILED", null, fee), "test").status(),
                "a void is never refused, whatever was kept");
        assertEquals(1L, (long) store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM issuance WHERE transaction_id = 't-fee' AND charged_yen = ?", fee)));
        assertEquals(1L, (long) store.database().read(tx -> tx.queryLong(
                "SELECT count(*) FROM issuance WHERE transaction_id = 't-kept' AND charged_yen = ?", fee)));
    }

    @Test
    void printedAndVoidedFollowTheAllowedTransitions() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        service.issue(TestData.request("t-p", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        service.issue(TestData.request("t-v", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");

        StatusResponse printed = outcomes.update(new StatusUpdate(BUNKYO.value(), "t-p", IssuanceStatus.PRINTED, null), "test");
        assertEquals(IssuanceStatus.PRINTED, printed.status());
        assertEquals(IssuanceStatus.PRINTED, outcomes.update(new StatusUpdate(BUNKYO.value(), "t-p", IssuanceStatus.PRINTED, null), "test").status());
        ShomeiException late = assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(BUNKYO.value(), "t-p", IssuanceStatus.VOIDED, "CANCELLED"), "test"));
        assertEquals(ErrorCode.INVALID_REQUEST, late.code());

        StatusResponse voided = outcomes.update(new StatusUpdate(BUNKYO.value(), "t-v", IssuanceStatus.VOIDED, "PRINTER_FAILED"), "test");
        assertEquals(IssuanceStatus.VOIDED, voided.status());
        assertEquals("PRINTER_FAILED", voided.voidReason());
        assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(BUNKYO.value(), "t-v", IssuanceStatus.PRINTED, null), "test"));
        ShomeiException unknown = assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(BUNKYO.value(), "t-none", IssuanceStatus.PRINTED, null), "test"));
        assertEquals(ErrorCode.NO_RECORD, unknown.code());
        ShomeiException otherMunicipality = assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(SHINJUKU.value(), "t-p", IssuanceStatus.PRINTED, null), "test"));
        assertEquals(ErrorCode.NO_RECORD, otherMunicipality.code());
        assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(BUNKYO.value(), "t-p", IssuanceStatus.VOIDED, "bad reason"), "test"));

        IssuanceResponse retried = service.issue(
                TestData.request("t-p", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        assertEquals(IssuanceStatus.PRINTED, retried.status());
    }

    @Test
    void unconfirmedIssuancesAreListedThenVoidedAndALatePrintStillCounts() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        service.issue(TestData.request("t-old", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        clock.advance(Duration.ofMinutes(20));
        service.issue(TestData.request("t-new", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");

        var listed = outcomes.unconfirmed(Duration.ofMinutes(15), 100).issuances();
        assertEquals(List.of("t-old"), listed.stream().map(entry -> entry.transactionId()).toList());
        assertEquals(1, outcomes.voidUnconfirmed(Duration.ofMinutes(15)));
        assertEquals(0, outcomes.voidUnconfirmed(Duration.ofMinutes(15)));
        Issue old = issuance("t-old");
        assertEquals("VOIDED", old.status());
        assertEquals(IssuanceOutcomes.TIMEOUT_REASON, old.reason());
        assertEquals("ISSUED", issuance("t-new").status());

        assertEquals(IssuanceStatus.PRINTED, outcomes.update(new StatusUpdate(BUNKYO.value(), "t-old", IssuanceStatus.PRINTED, null), "test").status());
        assertTrue(store.auditVerifier().verify().intact());
    }

    /** The center's reconciliation void is a presumption too: a kiosk that printed offline still gets PRINTED. */
    @Test
    void aCenterReconciliationVoidGivesWayToALatePrintButACancelDoesNot() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        service.issue(TestData.request("t-rec", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        service.issue(TestData.request("t-can", BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH, CertificateType.DOMESTIC), "test");
        outcomes.update(new StatusUpdate(BUNKYO.value(), "t-rec", IssuanceStatus.VOIDED, IssuanceOutcomes.CENTER_RECONCILED_REASON), "test");
        outcomes.update(new StatusUpdate(BUNKYO.value(), "t-can", IssuanceStatus.VOIDED, "CANCELLED"), "test");

        assertEquals(IssuanceStatus.PRINTED, outcomes.update(new StatusUpdate(BUNKYO.value(), "t-rec", IssuanceStatus.PRINTED, null), "test").status());
        ShomeiException cancelled = assertThrows(ShomeiException.class,
                () -> outcomes.update(new StatusUpdate(BUNKYO.value(), "t-can", IssuanceStatus.PRINTED, null), "test"));
        assertEquals(ErrorCode.INVALID_REQUEST, cancelled.code());
        assertEquals(new Issue("VOIDED", "CANCELLED"), issuance("t-can"));
        assertTrue(store.auditVerifier().verify().intact());
    }

    private record Issue(String status, String reason) {
    }

    private Issue issuance(String transactionId) {
        var issuance = store.database().read(tx -> issuances.findByTransaction(tx, BUNKYO, transactionId)).orElseThrow();
        return new Issue(issuance.status().name(), issuance.voidReason());
    }

    // --- audit -------------------------------------------------------------------------------

    @Test
    void theAuditChainDetectsAChangedAndADeletedEntry() {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(2));
        for (int i = 0; i < 4; i++) {
            service.issue(TestData.request("t-audit-" + i, BUNKYO, TAKATSUKASA_MY_NUMBER, TestData.BIRTH,
                    CertificateType.DOMESTIC), "test");
        }
        AuditVerifier.Result clean = store.auditVerifier().verify();
        assertTrue(clean.intact(), clean.problems().toString());
        assertTrue(clean.entries() >= 4);

        store.database().write(tx -> tx.update("UPDATE audit_log SET actor_id = 'someone-else' WHERE chain = ? AND seq = 2",
                BUNKYO.value()));
        AuditVerifier.Result changed = store.auditVerifier().verify();
        assertFalse(changed.intact());
        assertTrue(changed.problems().stream().anyMatch(p -> p.contains("entry 2") && p.contains("changed")),
                changed.problems().toString());

        store.database().write(tx -> tx.update("DELETE FROM audit_log WHERE chain = ? AND seq = 3", BUNKYO.value()));
        AuditVerifier.Result deleted = store.auditVerifier().verify();
        assertTrue(deleted.problems().stream().anyMatch(p -> p.contains("entry 3") && p.contains("missing")),
                deleted.problems().toString());
    }

    @Test
    void concurrentFirstEntriesOfANewChainFormOneChain() throws Exception {
        MunicipalityCode fresh = MunicipalityCode.of("011002"); // Sapporo: no entry of its own yet
        int writers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Long>> seqs = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String target = "entry-" + i;
                seqs.add(pool.submit(() -> {
                    start.await();
                    return store.database().write(tx -> store.audit().append(tx, new AuditEvent("OPERATOR", "test", null,
                            "TEST", fresh, "test", target, "OK", null)));
                }));
            }
            start.countDown();
            List<Long> numbers = new ArrayList<>();
            for (Future<Long> seq : seqs) {
                numbers.add(seq.get());
            }
            numbers.sort(null);
            assertEquals(java.util.stream.LongStream.rangeClosed(1, writers).boxed().toList(), numbers,
                    "each first appender got its own place in one chain");
        } finally {
            pool.shutdownNow();
        }
        AuditVerifier.Result result = store.auditVerifier().verify();
        assertTrue(result.intact(), result.problems().toString());
    }

    @Test
    void concurrentWritersOfDifferentMunicipalitiesDoNotBreakTheChains() throws Exception {
        add(BUNKYO, TestData.takatsukasa(BUNKYO), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        add(SHINJUKU, TestData.takatsukasa(SHINJUKU), TAKATSUKASA_MY_NUMBER, TestData.doses(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IssuanceResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                MunicipalityCode code = i % 2 == 0 ? BUNKYO : SHINJUKU;
                String transaction = "mix-" + i;
                futures.add(pool.submit(() -> service.issue(TestData.request(transaction, code, TAKATSUKASA_MY_NUMBER,
                        TestData.BIRTH, CertificateType.DOMESTIC), "test")));
            }
            for (Future<IssuanceResponse> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerifier.Result result = store.auditVerifier().verify();
        assertTrue(result.intact(), result.problems().toString());
        assertNotEquals(0, result.chains());
    }
}
