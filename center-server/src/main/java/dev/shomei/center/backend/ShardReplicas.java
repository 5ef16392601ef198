package dev.shomei.center.backend;

import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The backends of one shard, all on the shard's one database: calls are spread over them in turn,
 * and a call one of them could not answer (BACKEND_UNAVAILABLE) goes to the next. That is safe for
 * every call: an issue retry carries the same transaction id and the database returns the same
 * issuance. A refusal is the shard's answer and is never tried elsewhere.
 */
public final class ShardReplicas implements RecordBackend {
    private static final System.Logger LOG = System.getLogger(ShardReplicas.class.getName());

    private final String name;
    private final List<RecordBackend> backends;
    private final AtomicInteger next = new AtomicInteger();

    public ShardReplicas(String name, List<RecordBackend> backends) {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("shard " + name + " has no backend");
        }
        this.name = name;
        this.backends = List.copyOf(backends);
    }

    @Override
    public MunicipalityList municipalities() {
        return call(RecordBackend::municipalities);
    }

    @Override
    public IssuanceResponse issue(IssuanceRequest request) {
        return call(backend -> backend.issue(request));
    }

    @Override
    public StatusResponse updateStatus(StatusUpdate update) {
        return call(backend -> backend.updateStatus(update));
    }

    @Override
    public UnconfirmedIssuances unconfirmed(Duration olderThan) {
        return call(backend -> backend.unconfirmed(olderThan));
    }

    @Override
    public TransactionIssuances byTransaction(String transactionId) {
        return call(backend -> backend.byTransaction(transactionId));
    }

    private <T> T call(Function<RecordBackend, T> what) {
        int first = Math.floorMod(next.getAndIncrement(), backends.size());
        ShomeiException unavailable = null;
        for (int i = 0; i < backends.size(); i++) {
            int index = (first + i) % backends.size();
            try {
                return what.apply(backends.get(index));
            } catch (ShomeiException e) {
                if (e.code() != ErrorCode.BACKEND_UNAVAILABLE) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "shard {0}: backend {1} unavailable, trying the next", name, index + 1);
                unavailable = e;
            }
        }
        throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "shard " + name + ": no backend answered", unavailable);
    }
}
