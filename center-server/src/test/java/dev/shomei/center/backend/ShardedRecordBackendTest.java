package dev.shomei.center.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShardedRecordBackendTest {
    static final String BUNKYO = "131059";
    static final String SAPPORO = "011002";
    static final String NAHA = "472018";

    final StubShard east = new StubShard("east", BUNKYO);
    final StubShard west = new StubShard("west", SAPPORO, NAHA);
    final List<String> raised = new CopyOnWriteArrayList<>();
    final List<String> resolved = new CopyOnWriteArrayList<>();

    ShardedRecordBackend sharded(Duration rerouteGap) {
        Map<String, RecordBackend> shards = new LinkedHashMap<>();
        shards.put("east", east);
        shards.put("west", west);
        ShardedRecordBackend backend = new ShardedRecordBackend(shards, rerouteGap);
        backend.reportConflictsTo(new ShardedRecordBackend.ConflictListener() {
            @Override
            public void raised(String municipalityCode, List<String> shards) {
                raised.add(municipalityCode + "@" + String.join(",", shards));
            }

            @Override
            public void resolved(String municipalityCode) {
                resolved.add(municipalityCode);
            }
        });
        return backend;
    }

    static IssuanceRequest issue(String txid, String municipality) {
        return new IssuanceRequest(txid, municipality, "123456789018", null, CertificateType.DOMESTIC, 1, "K0001");
    }

    @Test
    void eachMunicipalityGoesToTheShardThatListsIt() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        assertEquals(List.of(BUNKYO, SAPPORO, NAHA), codes(backend.municipalities()));
        assertEquals(BUNKYO, backend.issue(issue("tx-1", BUNKYO)).municipalityCode());
        backend.issue(issue("tx-2", NAHA));
        backend.updateStatus(new StatusUpdate(NAHA, "tx-2", IssuanceStatus.PRINTED, null));
        assertEquals(List.of("tx-1"), east.issued);
        assertEquals(List.of("tx-2"), west.issued);
        assertEquals(List.of("tx-2"), west.statusUpdates);
        assertEquals(List.of(), east.statusUpdates);
        assertEquals("west", backend.shardOf(SAPPORO));
    }

    @Test
    void theRoutesAreLoadedOnFirstUseWhenTheCatalogHasNotLoadedYet() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        backend.issue(issue("tx-1", SAPPORO));
        assertEquals(List.of("tx-1"), west.issued);
    }

    @Test
    void aMunicipalityNoShardListsIsNotParticipating() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        backend.municipalities();
        ShomeiException e = assertThrows(ShomeiException.class, () -> backend.issue(issue("tx-1", "999999")));
        assertEquals(ErrorCode.MUNICIPALITY_NOT_PARTICIPATING, e.code());
        assertTrue(east.issued.isEmpty() && west.issued.isEmpty());
    }

    @Test
    void aMunicipalityTwoShardsListIsRefusedNotGuessedAndAlertedOnceUntilResolved() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        west.codes.add(BUNKYO);
        MunicipalityList merged = backend.municipalities();
        assertEquals(List.of(BUNKYO, SAPPORO, NAHA), codes(merged), "listed once");
        assertFalse(merged.municipalities().getFirst().kioskParticipating(), "not offered to kiosks while in doubt");
        ShomeiException e = assertThrows(ShomeiException.class, () -> backend.issue(issue("tx-1", BUNKYO)));
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, e.code());
        assertTrue(e.getMessage().contains("east and west"), e.getMessage());
        assertEquals(ErrorCode.MUNICIPALITY_MOVING, assertThrows(ShomeiException.class,
                () -> backend.updateStatus(new StatusUpdate(BUNKYO, "tx-0", IssuanceStatus.PRINTED, null))).code());
        assertTrue(east.issued.isEmpty() && west.issued.isEmpty() && east.statusUpdates.isEmpty());
        backend.municipalities();
        assertEquals(List.of(BUNKYO + "@east,west"), raised, "raised once, not at every refresh");

        east.codes.remove(BUNKYO);
        backend.municipalities();
        assertEquals(List.of(BUNKYO), resolved);
        backend.issue(issue("tx-2", BUNKYO));
        assertEquals(List.of("tx-2"), west.issued);
    }

    @Test
    void aMovedMunicipalityIsReroutedWhenTheOldShardSaysItIsMoving() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        backend.municipalities();
        // the move switched after the last catalog load: east no longer has it, west does
        east.codes.remove(BUNKYO);
        east.refusal.set(ErrorCode.MUNICIPALITY_MOVING);
        west.codes.add(BUNKYO);
        backend.issue(issue("tx-1", BUNKYO));
        assertEquals(List.of("tx-1"), west.issued);
        assertEquals("west", backend.shardOf(BUNKYO));
    }

    @Test
    void aMovingMunicipalityStaysRefusedWhileNoOtherShardListsIt() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        backend.municipalities();
        east.refusal.set(ErrorCode.MUNICIPALITY_MOVING);
        assertEquals(ErrorCode.MUNICIPALITY_MOVING,
                assertThrows(ShomeiException.class, () -> backend.issue(issue("tx-1", BUNKYO))).code());
        assertTrue(west.issued.isEmpty());
    }

    @Test
    void aRefusalIsNotRerouted() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        east.refusal.set(ErrorCode.NO_RECORD);
        assertEquals(ErrorCode.NO_RECORD, assertThrows(ShomeiException.class, () -> backend.issue(issue("t", BUNKYO))).code());
        assertTrue(west.issued.isEmpty());
    }

    @Test
    void unconfirmedIssuancesComeFromEveryShardOldestFirstAndOnceEach() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        Instant now = Instant.parse("2026-12-06T03:00:00Z");
        var old = new UnconfirmedIssuances.Entry(BUNKYO, "tx-old", "c1", "K0001", now.minusSeconds(3600));
        var young = new UnconfirmedIssuances.Entry(NAHA, "tx-young", "c2", "K0002", now.minusSeconds(60));
        east.unconfirmed.add(old);
        west.unconfirmed.add(young);
        west.unconfirmed.add(old); // mid-move: copied to west, not yet deleted on east
        assertEquals(List.of("tx-old", "tx-young"),
                backend.unconfirmed(Duration.ofMinutes(15)).issuances().stream().map(UnconfirmedIssuances.Entry::transactionId).toList());
    }

    @Test
    void aShardDownStopsOnlyItsOwnMunicipalities() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        backend.municipalities();
        east.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(List.of(BUNKYO, SAPPORO, NAHA), codes(backend.municipalities()), "east routed by its last list");
        backend.issue(issue("tx-1", NAHA));
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE,
                assertThrows(ShomeiException.class, () -> backend.issue(issue("tx-2", BUNKYO))).code());
        west.unconfirmed.add(new UnconfirmedIssuances.Entry(NAHA, "tx-1", "c", "K0001", Instant.now()));
        assertEquals(1, backend.unconfirmed(Duration.ZERO).issuances().size(), "the shards that answered");

        west.transactions.add(new TransactionIssuances.Entry(NAHA, "tx-1", IssuanceStatus.ISSUED));
        assertEquals(1, backend.byTransaction("tx-1").issuances().size(), "found where it is");
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class,
                () -> backend.byTransaction("tx-unknown")).code(), "not found but east did not answer: unknown, not absent");

        west.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE,
                assertThrows(ShomeiException.class, () -> backend.unconfirmed(Duration.ZERO)).code());
    }

    @Test
    void aShardThatNeverListedIsLeftOutAndNoShardAtAllIsUnavailable() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        east.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(List.of(SAPPORO, NAHA), codes(backend.municipalities()));
        west.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(List.of(SAPPORO, NAHA), codes(backend.municipalities()), "west by its last list");
        ShardedRecordBackend fresh = sharded(Duration.ZERO);
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class, fresh::municipalities).code());
    }

    @Test
    void aLookupByTransactionMidMovePrefersTheShardTheMunicipalityRoutesTo() {
        ShardedRecordBackend backend = sharded(Duration.ZERO);
        east.codes.remove(BUNKYO);
        west.codes.add(BUNKYO); // switched: west has the say, east still holds the old copy
        backend.municipalities();
        east.transactions.add(new TransactionIssuances.Entry(BUNKYO, "tx-1", IssuanceStatus.ISSUED));
        west.transactions.add(new TransactionIssuances.Entry(BUNKYO, "tx-1", IssuanceStatus.PRINTED));
        assertEquals(List.of(new TransactionIssuances.Entry(BUNKYO, "tx-1", IssuanceStatus.PRINTED)),
                backend.byTransaction("tx-1").issuances());
    }

    private static List<String> codes(MunicipalityList list) {
        return list.municipalities().stream().map(MunicipalityList.Entry::code).toList();
    }
}
