package dev.shomei.center.backend;

import dev.shomei.center.issue.RecordBackend;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.IssuanceResponse;
import dev.shomei.protocol.backend.IssuanceStatus;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.protocol.backend.TransactionIssuances;
import dev.shomei.protocol.backend.UnconfirmedIssuances;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A shard for unit tests: lists the codes it is given, records what reaches it, fails or refuses on demand. */
final class StubShard implements RecordBackend {
    final String name;
    final List<String> codes = new CopyOnWriteArrayList<>();
    final List<String> issued = new CopyOnWriteArrayList<>();
    final List<String> statusUpdates = new CopyOnWriteArrayList<>();
    final List<UnconfirmedIssuances.Entry> unconfirmed = new CopyOnWriteArrayList<>();
    final List<TransactionIssuances.Entry> transactions = new CopyOnWriteArrayList<>();
    /** Every call fails with this code (BACKEND_UNAVAILABLE: down). */
    final AtomicReference<ErrorCode> failure = new AtomicReference<>();
    /** Issues and status updates are refused with this code. */
    final AtomicReference<ErrorCode> refusal = new AtomicReference<>();

    StubShard(String name, String... codes) {
        this.name = name;
        this.codes.addAll(List.of(codes));
    }

    private void check() {
        ErrorCode code = failure.get();
        if (code != null) {
            throw new ShomeiException(code, name + " fails");
        }
    }

    private void checkRefusal() {
        check();
        ErrorCode code = refusal.get();
        if (code != null) {
            throw new ShomeiException(code, name + " refuses");
        }
    }

    @Override
    public MunicipalityList municipalities() {
        check();
        return new MunicipalityList(codes.stream().map(code -> new MunicipalityList.Entry(code, "名" + code, "M" + code,
                "市長", "Mayor", true, true, 120, "06:30", "23:00")).toList());
    }

    @Override
    public IssuanceResponse issue(IssuanceRequest request) {
        checkRefusal();
        issued.add(request.transactionId());
        return new IssuanceResponse(request.transactionId(), name + "-cert", request.municipalityCode(), Instant.now(),
                IssuanceStatus.ISSUED, 1, 120, 120, null);
    }

    @Override
    public StatusResponse updateStatus(StatusUpdate update) {
        checkRefusal();
        statusUpdates.add(update.transactionId());
        return new StatusResponse(update.municipalityCode(), update.transactionId(), name + "-cert", update.status(),
                update.reason(), Instant.now());
    }

    @Override
    public UnconfirmedIssuances unconfirmed(Duration olderThan) {
        check();
        return new UnconfirmedIssuances(List.copyOf(unconfirmed));
    }

    @Override
    public TransactionIssuances byTransaction(String transactionId) {
        check();
        return new TransactionIssuances(transactions.stream().filter(e -> e.transactionId().equals(transactionId)).toList());
    }
}
