package dev.shomei.center.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardReplicasTest {
    final StubShard a = new StubShard("a", "131059");
    final StubShard b = new StubShard("b", "131059");
    final ShardReplicas replicas = new ShardReplicas("east", List.of(a, b));

    static IssuanceRequest issue(String txid) {
        return new IssuanceRequest(txid, "131059", "123456789018", null, CertificateType.DOMESTIC, 1, "K0001");
    }

    @Test
    void callsAreSpreadOverTheBackends() {
        for (int i = 0; i < 4; i++) {
            replicas.issue(issue("tx-" + i));
        }
        assertEquals(2, a.issued.size());
        assertEquals(2, b.issued.size());
    }

    @Test
    void aBackendThatDoesNotAnswerFailsOverToTheNextWithTheSameTransaction() {
        a.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        for (int i = 0; i < 3; i++) {
            replicas.issue(issue("tx-" + i));
        }
        assertEquals(List.of("tx-0", "tx-1", "tx-2"), b.issued);
        b.failure.set(ErrorCode.BACKEND_UNAVAILABLE);
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, assertThrows(ShomeiException.class, () -> replicas.issue(issue("x"))).code());
    }

    @Test
    void aRefusalIsTheShardsAnswerAndNotTriedElsewhere() {
        a.refusal.set(ErrorCode.NO_RECORD);
        b.refusal.set(ErrorCode.NO_RECORD);
        assertEquals(ErrorCode.NO_RECORD, assertThrows(ShomeiException.class, () -> replicas.issue(issue("x"))).code());
        assertEquals(0, a.issued.size() + b.issued.size());
    }
}
