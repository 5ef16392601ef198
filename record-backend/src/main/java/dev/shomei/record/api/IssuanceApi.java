package dev.shomei.record.api;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.backend.ApiError;
import dev.shomei.protocol.backend.BackendApi;
import dev.shomei.protocol.backend.BackendJson;
import dev.shomei.protocol.backend.IssuanceRequest;
import dev.shomei.protocol.backend.MunicipalityList;
import dev.shomei.protocol.backend.StatusResponse;
import dev.shomei.protocol.backend.StatusUpdate;
import dev.shomei.record.db.Database;
import dev.shomei.record.issue.IssuanceOutcomes;
import dev.shomei.record.issue.IssuanceService;
import dev.shomei.record.store.MunicipalityMoveRepository;
import dev.shomei.record.store.MunicipalityRepository;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The issuance API for the center (see {@link BackendApi} for paths and shapes). Every answer is
 * JSON; errors are {@link ApiError} with the HTTP status of {@link BackendApi#httpStatus}.
 */
public final class IssuanceApi {
    private static final System.Logger LOG = System.getLogger(IssuanceApi.class.getName());
    private static final String JSON = "application/json; charset=UTF-8";
    private static final int MAX_UNCONFIRMED = 1_000;

    private final Database database;
    private final IssuanceService issuance;
    private final IssuanceOutcomes outcomes;
    private final BackendMetrics metrics;
    private final MunicipalityRepository municipalities = new MunicipalityRepository();
    private final MunicipalityMoveRepository moves = new MunicipalityMoveRepository();

    public IssuanceApi(Database database, IssuanceService issuance, IssuanceOutcomes outcomes, BackendMetrics metrics) {
        this.database = database;
        this.issuance = issuance;
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    public void routing(HttpRouting.Builder routing) {
        routing.post(BackendApi.ISSUANCE_STATUS, this::status)
                .post(BackendApi.ISSUANCES, this::issue)
                .get(BackendApi.UNCONFIRMED, this::unconfirmed)
                .get(BackendApi.ISSUANCES, this::byTransaction)
                .get(BackendApi.MUNICIPALITIES, this::municipalities)
                .error(ShomeiException.class, (req, res, e) -> error(res, e.code(),
                        e.getMessage().replaceFirst("^" + e.code().name() + ": ", "")))
                .error(Exception.class, (req, res, e) -> {
                    LOG.log(Level.ERROR, "API failure on {0}: {1}", req.path().path(), e.getClass().getName());
                    error(res, ErrorCode.INTERNAL, "internal error");
                });
    }

    private void issue(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        byte[] body = body(req);
        try {
            IssuanceRequest request = BackendJson.read(body, IssuanceRequest.class);
            IssuanceService.Answer answer = issuance.answer(request, client(req));
            metrics.issued(Duration.ofNanos(System.nanoTime() - start));
            send(res, answer.json().getBytes(StandardCharsets.UTF_8)); // the JSON stored with the issuance, not written again
        } catch (ShomeiException e) {
            metrics.refused(e.code(), Duration.ofNanos(System.nanoTime() - start));
            throw e;
        } finally {
            Arrays.fill(body, (byte) 0); // it held the My Number
        }
    }

    private void status(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        StatusUpdate update = BackendJson.read(body(req), StatusUpdate.class);
        StatusResponse response = outcomes.update(update, client(req));
        metrics.outcome(response.status(), Duration.ofNanos(System.nanoTime() - start));
        json(res, response);
    }

    private void unconfirmed(ServerRequest req, ServerResponse res) {
        long seconds;
        try {
            seconds = Long.parseLong(req.query().first("olderThanSeconds").orElse("600"));
        } catch (NumberFormatException e) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "olderThanSeconds must be a number");
        }
        if (seconds < 0 || seconds > Duration.ofDays(366).toSeconds()) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "olderThanSeconds out of range");
        }
        json(res, outcomes.unconfirmed(Duration.ofSeconds(seconds), MAX_UNCONFIRMED));
    }

    private void byTransaction(ServerRequest req, ServerResponse res) {
        String transactionId = req.query().first(BackendApi.TRANSACTION_PARAMETER)
                .orElseThrow(() -> new ShomeiException(ErrorCode.INVALID_REQUEST, "transactionId is missing"));
        json(res, outcomes.byTransaction(transactionId));
    }

    private void municipalities(ServerRequest req, ServerResponse res) {
        // a municipality in a move: the source lists it as not taking part until the switch, the target after it
        Map<String, MunicipalityMoveRepository.Move> moving = database.read(moves::all);
        MunicipalityList list = new MunicipalityList(database.read(municipalities::list).stream()
                .filter(m -> !moving.containsKey(m.code().value()) || moving.get(m.code().value()).listed())
                .map(m -> new MunicipalityList.Entry(m.code().value(), m.nameJa(), m.nameEn(), m.mayorTitleJa(),
                        m.mayorTitleEn(), m.kioskParticipating() && !moving.containsKey(m.code().value()),
                        m.offersOverseas(), m.feePerCopyYen(),
                        m.opensAt().toString(), m.closesAt().toString()))
                .toList());
        json(res, list);
    }

    private static byte[] body(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(BackendApi.MAX_REQUEST_BYTES + 1);
            if (body.length > BackendApi.MAX_REQUEST_BYTES) {
                Arrays.fill(body, (byte) 0);
                throw new ShomeiException(ErrorCode.INVALID_REQUEST, "request body too large");
            }
            return body;
        } catch (IOException e) {
            throw new ShomeiException(ErrorCode.INVALID_REQUEST, "cannot read the request body");
        }
    }

    /** The CN of the client certificate (the mutual TLS handshake already pinned it). */
    static String client(ServerRequest req) {
        String name = req.remotePeer().tlsPrincipal().map(Principal::getName).orElse("unknown");
        for (String part : name.split(",")) {
            if (part.strip().startsWith("CN=")) {
                return part.strip().substring(3);
            }
        }
        return name;
    }

    private static void json(ServerResponse res, Object body) {
        send(res, BackendJson.write(body));
    }

    private static void send(ServerResponse res, byte[] json) {
        try {
            res.header(HeaderNames.CONTENT_TYPE, JSON).header(HeaderNames.CACHE_CONTROL, "no-store").send(json);
        } finally {
            Arrays.fill(json, (byte) 0); // an issue answer holds the certificate's contents
        }
    }

    static void error(ServerResponse res, ErrorCode code, String message) {
        res.status(BackendApi.httpStatus(code)).header(HeaderNames.CONTENT_TYPE, JSON)
                .header(HeaderNames.CACHE_CONTROL, "no-store").send(BackendJson.write(ApiError.of(code, message)));
    }
}
