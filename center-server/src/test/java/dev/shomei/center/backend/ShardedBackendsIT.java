package dev.shomei.center.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.MyNumber;
import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.CardHolder;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.cert.VaccineCatalog;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.record.RecordStore;
import dev.shomei.record.api.BackendServer;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.PersonName;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.domain.Vaccination;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.importer.ImportedResident;
import dev.shomei.record.importer.ResidentImporter;
import dev.shomei.record.keys.IssuerKeySources;
import dev.shomei.record.move.MunicipalityMove;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.MunicipalityMoveRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The center's sharded backend against two real record backends (SQLite, mutual TLS, in this JVM):
 * Bunkyo on shard east, Shinjuku on shard west; issues and outcomes go where the municipality is,
 * lookups ask both, a stopped (moving) municipality is refused, a moved one is found at its new
 * shard without waiting for the catalog refresh, and one listed by both is refused.
 */
class ShardedBackendsIT {
    static final String BUNKYO = "131059";
    static final String SHINJUKU = "131041";
    static final String CHIYODA = "131016";
    static final LocalDate BIRTH = LocalDate.of(1972, 3, 14);

    @TempDir
    static Path pkiDir;
    static DevPki pki;
    @TempDir
    Path dir;

    Shard east;
    Shard west;
    ShardedRecordBackend sharded;
    final List<String> conflicts = new CopyOnWriteArrayList<>();
    final String bunkyoResident = MyNumber.generate(new Random(41)).reveal();
    final String shinjukuResident = MyNumber.generate(new Random(42)).reveal();

    record Shard(String url, RecordStore store, BackendServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            store.close();
        }
    }

    @BeforeAll
    static void keys() {
        pki = DevPki.ensure(pkiDir);
    }

    @BeforeEach
    void start() {
        east = shard("east", List.of(BUNKYO, CHIYODA));
        west = shard("west", List.of(SHINJUKU));
        addResident(east.store(), BUNKYO, bunkyoResident);
        addResident(west.store(), SHINJUKU, shinjukuResident);
        var client = pki.centerClient();
        BackendClientSettings settings = BackendClientSettings.sharded(List.of(
                        new BackendShard("east", List.of(URI.create("https://127.0.0.1:" + east.server().apiPort()))),
                        new BackendShard("west", List.of(URI.create("https://127.0.0.1:" + west.server().apiPort())))),
                Duration.ofSeconds(5), 2, Duration.ofMillis(50), Duration.ofSeconds(10));
        RecordBackend backend = RecordBackendLinks.connect(settings, MutualTls.context(client.privateKey(),
                List.of(client.certificate()), List.of(pki.rootCaCertificate())));
        sharded = (ShardedRecordBackend) backend;
        sharded.reportConflictsTo(new ShardedRecordBackend.ConflictListener() {
            @Override
            public void raised(String municipalityCode, List<String> shards) {
                conflicts.add(municipalityCode + "@" + String.join(",", shards));
            }

            @Override
            public void resolved(String municipalityCode) {
                conflicts.add(municipalityCode + " resolved");
            }
        });
    }

    @AfterEach
    void stop() {
        if (east != null) {
            east.close();
        }
        if (west != null) {
            west.close();
        }
    }

    private Shard shard(String name, List<String> codes) {
        String url = "jdbc:sqlite:" + dir.resolve(name + ".db");
        RecordStore store = RecordStore.open(url, dir.resolve(name + "-master-keys.p12"));
        BuiltInMunicipalities.all().stream().filter(m -> codes.contains(m.code().value()))
                .forEach(m -> store.ensureMunicipality(m, "OPERATOR", "it"));
        BackendServer server = BackendServer.start(new BackendServer.Settings("127.0.0.1", 0, 0, pki.backendServer(),
                pki.rootCaCertificate(), List.of(pki.centerClient().certificate()), Duration.ofMinutes(15),
                Duration.ofMinutes(1)), store, IssuerKeySources.dev(pki, "https://127.0.0.1/issuer"), Clock.systemUTC());
        return new Shard(url, store, server);
    }

    private static void addResident(RecordStore store, String code, String myNumber) {
        MunicipalityCode municipality = MunicipalityCode.of(code);
        Resident resident = new Resident(Ids.random(), municipality, "IT-" + Ids.random().substring(0, 8),
                ResidentStatus.ACTIVE, new PersonName("試験", "一郎"), new PersonName("シケン", "イチロウ"), null, BIRTH, "1",
                "東京都", null, null, false);
        List<Vaccination> doses = List.of(
                new Vaccination(Ids.random(), 1, LocalDate.of(2021, 6, 1), "comirnaty", "ファイザー社", "FA5765", null),
                new Vaccination(Ids.random(), 2, LocalDate.of(2021, 6, 22), "comirnaty", "ファイザー社", "FC3661", null));
        ResidentImporter importer = new ResidentImporter(store, VaccineCatalog.standard(), Clock.systemUTC());
        ImportedResident imported = new ImportedResident(0, resident, dev.shomei.record.domain.MyNumber.of(myNumber), doses);
        store.database().write(tx -> importer.write(tx, municipality, List.of(imported), false));
    }

    private static IssuanceRequest issue(String txid, String code, String myNumber) {
        return new IssuanceRequest(txid, code, myNumber, new CardHolder("試験\u3000一郎", "東京都", BIRTH.toString(), "1"),
                CertificateType.DOMESTIC, 1, "K0001");
    }

    private static long issuances(Shard shard, String code) {
        return shard.store().database().read(tx ->
                tx.queryLong("SELECT COUNT(*) FROM issuance WHERE municipality_code = ?", code));
    }

    private static MunicipalityList.Entry entry(MunicipalityList list, String code) {
        return list.municipalities().stream().filter(e -> e.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void eachMunicipalityIsIssuedAtItsShardAndLookupsAskBoth() {
        MunicipalityList catalog = sharded.municipalities();
        assertEquals(List.of(CHIYODA, SHINJUKU, BUNKYO), catalog.municipalities().stream()
                .map(MunicipalityList.Entry::code).sorted().toList());
        assertEquals(IssuanceStatus.ISSUED, sharded.issue(issue("tx-bunkyo", BUNKYO, bunkyoResident)).status());
        assertEquals(IssuanceStatus.ISSUED, sharded.issue(issue("tx-shinjuku", SHINJUKU, shinjukuResident)).status());
        assertEquals(1, issuances(east, BUNKYO));
        assertEquals(1, issuances(west, SHINJUKU));

        assertEquals(List.of("tx-bunkyo", "tx-shinjuku"), sharded.unconfirmed(Duration.ZERO).issuances().stream()
                .map(e -> e.transactionId()).sorted().toList());
        assertEquals(List.of(new TransactionIssuances.Entry(SHINJUKU, "tx-shinjuku", IssuanceStatus.ISSUED)),
                sharded.byTransaction("tx-shinjuku").issuances());
        assertEquals(IssuanceStatus.PRINTED, sharded.updateStatus(new StatusUpdate(SHINJUKU, "tx-shinjuku",
                IssuanceStatus.PRINTED, null, "K0001", 120)).status());
        assertEquals(List.of("tx-bunkyo"), sharded.unconfirmed(Duration.ZERO).issuances().stream()
                .map(e -> e.transactionId()).toList());
    }

    @Test
    void aMovingMunicipalityIsRefusedAndAMovedOneIsFoundAtItsNewShard() throws InterruptedException {
        sharded.municipalities();
        sharded.issue(issue("tx-before", BUNKYO, bunkyoResident));
        sharded.updateStatus(new StatusUpdate(BUNKYO, "tx-before", IssuanceStatus.PRINTED, null, "K0001", 120));

        // stopped for a move: listed as not taking part, issues refused
        east.store().database().write(tx -> {
            new MunicipalityMoveRepository().put(tx, MunicipalityCode.of(BUNKYO), MunicipalityMoveRepository.Role.OUTGOING,
                    MunicipalityMoveRepository.Step.STOPPED, "jdbc:sqlite:elsewhere");
            return null;
        });
        assertFalse(entry(sharded.municipalities(), BUNKYO).kioskParticipating());
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, assertThrows(ShomeiException.class,
                () -> sharded.issue(issue("tx-stopped", BUNKYO, bunkyoResident))).code());
        east.store().database().write(tx -> {
            new MunicipalityMoveRepository().delete(tx, MunicipalityCode.of(BUNKYO));
            return null;
        });

        new MunicipalityMove(east.store(), east.url(), west.store(), west.url(), Duration.ZERO, line -> { })
                .run(MunicipalityCode.of(BUNKYO));
        Thread.sleep(1100); // a refusal reloads the routes at most once a second (the catalog was loaded just now)
        // no catalog refresh: east says MUNICIPALITY_MOVING, the routes are loaded again, west has it
        assertEquals(IssuanceStatus.ISSUED, sharded.issue(issue("tx-after", BUNKYO, bunkyoResident)).status());
        assertEquals("west", sharded.shardOf(BUNKYO));
        assertEquals(2, issuances(west, BUNKYO), "the moved issuance and the new one");
        assertEquals(0, issuances(east, BUNKYO));
        assertEquals(List.of(new TransactionIssuances.Entry(BUNKYO, "tx-before", IssuanceStatus.PRINTED)),
                sharded.byTransaction("tx-before").issuances());
        assertTrue(entry(sharded.municipalities(), BUNKYO).kioskParticipating());
    }

    @Test
    void aMunicipalityBothShardsListIsRefusedAndReported() {
        BuiltInMunicipalities.all().stream().filter(m -> m.code().value().equals(CHIYODA))
                .forEach(m -> west.store().ensureMunicipality(m, "OPERATOR", "it"));
        assertFalse(entry(sharded.municipalities(), CHIYODA).kioskParticipating());
        assertEquals(List.of(CHIYODA + "@east,west"), conflicts);
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, assertThrows(ShomeiException.class,
                () -> sharded.issue(issue("tx-chiyoda", CHIYODA, bunkyoResident))).code());
        assertEquals(IssuanceStatus.ISSUED, sharded.issue(issue("tx-b", BUNKYO, bunkyoResident)).status(),
                "the others are not held up");
    }
}
