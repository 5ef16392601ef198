package dev.shomei.record.console;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ServiceRules;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.record.crypto.TenantCipher;
import dev.shomei.record.crypto.TenantKeyring;
import dev.shomei.record.db.Database;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.store.Ids;
import dev.shomei.record.store.ResidentRepository;
import dev.shomei.record.store.ResidentRequestRepository;
import dev.shomei.record.store.ResidentRequestRepository.Request;
import dev.shomei.record.users.Actor;
import dev.shomei.record.users.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Requests from residents (seed IV; issue 21): disclosure (開示), correction (訂正) and suspension of use
 * (利用停止), each received with the number of its receipt slip (受付票番号), then handled to an outcome.
 * Inside the actor's municipality only. The audit names the request, its kind, receipt number, status and
 * outcome; the handling notes are sealed and never logged.
 */
final class ResidentRequests {
    static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9-]{1,20}");
    static final int HANDLING_MAX = 1000;
    private static final LocalDate EARLIEST = LocalDate.of(2021, 1, 1);

    enum Kind { DISCLOSURE, CORRECTION, SUSPENSION }

    enum State { RECEIVED, IN_PROGRESS, DONE }

    enum Outcome { GRANTED, PARTLY_GRANTED, REFUSED, WITHDRAWN }

    private final Database database;
    private final TenantKeyring keyring;
    private final ConsoleAudit audit;
    private final Clock clock;
    private final ResidentRepository residents = new ResidentRepository();
    private final ResidentRequestRepository requests = new ResidentRequestRepository();

    ResidentRequests(Database database, TenantKeyring keyring, ConsoleAudit audit, Clock clock) {
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a received request; returns its id. */
    String receive(Actor actor, String residentId, String kind, String receivedOn, String receipt, String handling) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        Kind what = parse(Kind.class, kind, "request.bad.kind");
        LocalDate received = IssuanceCriteria.date(receivedOn, new ArrayList<>(), "x");
        if (received == null || received.isBefore(EARLIEST) || received.isAfter(today())) {
            throw new BadInput("request.bad.received");
        }
        if (!RECEIPT.matcher(receipt).matches()) {
            throw new BadInput("request.bad.receipt");
        }
        checkHandling(handling);
        String id = Ids.random();
        Instant now = clock.instant();
        return database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            residents.findById(tx, tenant, residentId)
                    .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such resident"));
            if (requests.receiptTaken(tx, tenant, receipt)) {
                throw new BadInput("request.bad.receiptTaken");
            }
            requests.insert(tx, tenant, new Request(id, receipt, residentId, what.name(), received, State.RECEIVED.name(),
                    null, handling.isEmpty() ? null : handling, actor.userId(), now, actor.userId(), now));
            audit.append(tx, actor, "RECEIVE_REQUEST", "resident", residentId, "OK",
                    "request=" + id + " kind=" + what + " receipt=" + receipt);
            return id;
        });
    }

    /** Records the handling: the new status and, once DONE, the outcome. */
    void handle(Actor actor, String residentId, String requestId, String status, String outcome, String handling) {
        actor.require(Permission.CHANGE_RECORDS);
        MunicipalityCode code = actor.municipality();
        State state = parse(State.class, status, "request.bad.status");
        Outcome result = outcome.isEmpty() ? null : parse(Outcome.class, outcome, "request.bad.outcome");
        if (state == State.DONE && result == null) {
            throw new BadInput("request.bad.outcomeMissing");
        }
        checkHandling(handling);
        database.write(tx -> {
            TenantCipher tenant = keyring.cipher(tx, code);
            Request before = find(tx, tenant, residentId, requestId);
            requests.update(tx, tenant, requestId, state.name(), result == null ? null : result.name(),
                    handling.isEmpty() ? null : handling, actor.userId(), clock.instant());
            audit.append(tx, actor, "UPDATE_REQUEST", "resident", residentId, "OK", "request=" + requestId + " receipt="
                    + before.receiptNumber() + " status=" + state + (result == null ? "" : " outcome=" + result));
            return null;
        });
    }

    Request find(dev.shomei.record.db.Tx tx, TenantCipher tenant, String residentId, String requestId)
            throws java.sql.SQLException {
        return requests.find(tx, tenant, requestId).filter(r -> r.residentId().equals(residentId))
                .orElseThrow(() -> new ShomeiException(ErrorCode.NO_RECORD, "no such request"));
    }

    List<Request> ofResident(Actor actor, String residentId) {
        actor.require(Permission.READ_RECORDS);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> requests.ofResident(tx, keyring.cipher(tx, code), residentId));
    }

    List<Request> open(Actor actor, int limit) {
        actor.require(Permission.READ_RECORDS);
        MunicipalityCode code = actor.municipality();
        return database.read(tx -> requests.open(tx, keyring.cipher(tx, code), limit));
    }

    private static void checkHandling(String handling) {
        if (handling.length() > HANDLING_MAX
                || handling.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            throw new BadInput("request.bad.handling");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code, String messageKey) {
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException e) {
            throw new BadInput(messageKey);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceRules.ZONE);
    }
}
