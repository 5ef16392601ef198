package dev.shomei.center.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.center.board.AlertKind;
import dev.shomei.center.console.auth.Session;
import dev.shomei.center.hours.MaintenanceWindow;
import dev.shomei.center.municipality.MunicipalitySettings;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's JSON API under {@code /api}. The security filter has already checked the session
 * and the CSRF token; handlers check the role where a change needs ADMIN. Bad input is a 400 with a
 * short reason and changes nothing.
 */
final class ConsoleApi implements HttpService {
    private static final System.Logger LOG = System.getLogger(ConsoleApi.class.getName());

    private final ConsoleContext context;

    ConsoleApi(ConsoleContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/login", this::login)
                .post("/logout", this::logout)
                .get("/me", this::me)
                .get("/board", this::board)
                .post("/terminals/{id}/enable", (req, res) -> setEnabled(req, res, true))
                .post("/terminals/{id}/disable", (req, res) -> setEnabled(req, res, false))
                .post("/alerts/{id}/ack", this::acknowledge)
                .get("/municipalities", this::municipalities)
                .put("/municipalities/{code}", this::updateMunicipality)
                .get("/maintenance", this::maintenance)
                .post("/maintenance", this::addMaintenance)
                .delete("/maintenance/{index}", this::removeMaintenance)
                .get("/counts", this::counts)
                .get("/reconciled", this::reconciled)
                .get("/audit", this::auditTrail);
    }

    private void login(ServerRequest req, ServerResponse res) {
        JsonNode body = Json.read(req.content().as(String.class));
        char[] password = Json.text(body, "password").toCharArray();
        Cookies.session(req).ifPresent(context.sessions()::invalidate); // a login never reuses a session id
        String typed = Json.text(body, "username");
        var result = context.login().attempt(clientAddress(req), typed, password, Json.text(body, "code"));
        var session = result.session();
        // a refused name is recorded only when it is an operator's: a password typed into the name field must not stay
        String actor = session.map(Session::username).orElse(context.login().accounts().find(typed).isPresent()
                ? typed : "(unknown)");
        audit(req, actor, session.isPresent() ? "LOGIN" : "LOGIN_REFUSED", actor, null,
                result.lockedUntil().map(until -> "locked until " + until).orElse(null));
        if (session.isEmpty()) {
            // a lock is said (with its end): it applies to any typed name, so it tells nobody who exists
            json(res.status(Status.UNAUTHORIZED_401), result.lockedUntil()
                    .<Map<String, Object>>map(until -> Map.of("error", "LOCKED", "until", until.toString()))
                    .orElse(Map.of("error", "LOGIN_FAILED")));
            return;
        }
        res.header(HeaderNames.SET_COOKIE, Cookies.set(session.get().id()));
        json(res, me(session.get()));
    }

    /** The peer's IP address (no port), for the per-address login failure limit. */
    static String clientAddress(ServerRequest req) {
        return req.remotePeer().address() instanceof java.net.InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : null;
    }

    private void logout(ServerRequest req, ServerResponse res) {
        Session session = ConsoleSecurity.session(req);
        context.sessions().invalidate(session.id());
        audit(req, session.username(), "LOGOUT", session.username(), null, null);
        res.header(HeaderNames.SET_COOKIE, Cookies.expire());
        json(res, Map.of("ok", true));
    }

    private void me(ServerRequest req, ServerResponse res) {
        json(res, me(ConsoleSecurity.session(req)));
    }

    private Map<String, Object> me(Session session) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("username", session.username());
        map.put("role", session.role().name());
        map.put("csrfToken", session.csrfToken());
        map.put("devCardTrust", context.devCardTrust()); // the board shows a DEMO banner
        return map;
    }

    private void board(ServerRequest req, ServerResponse res) {
        long version = context.board().version();
        json(res, Json.board(context.board().snapshot(), context.board().alerts().all(), version));
    }

    private void setEnabled(ServerRequest req, ServerResponse res, boolean enabled) {
        Session session = ConsoleSecurity.session(req);
        String id = req.path().pathParameters().get("id");
        if (context.registry().find(id).isEmpty()) {
            json(res.status(Status.NOT_FOUND_404), Map.of("error", "UNKNOWN_TERMINAL"));
            return;
        }
        boolean before = context.registry().isEnabled(id);
        context.registry().setEnabled(id, enabled);
        audit(req, session.username(), enabled ? "ENABLE_TERMINAL" : "DISABLE_TERMINAL", id,
                before ? "enabled" : "disabled", enabled ? "enabled" : "disabled");
        LOG.log(System.Logger.Level.INFO, "console: {0} {1} terminal {2}", session.username(),
                enabled ? "enabled" : "disabled", id);
        json(res, Map.of("id", id, "enabled", enabled));
    }

    private void acknowledge(ServerRequest req, ServerResponse res) {
        long id;
        try {
            id = Long.parseLong(req.path().pathParameters().get("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("alert id must be a number");
        }
        boolean changed = context.board().alerts().acknowledge(id);
        if (changed) {
            audit(req, ConsoleSecurity.session(req).username(), "ACK_ALERT", String.valueOf(id), null, null);
        }
        json(res, Map.of("id", id, "acknowledged", changed));
    }

    private void municipalities(ServerRequest req, ServerResponse res) {
        json(res, Map.of("municipalities", context.municipalities().all().stream().map(Json::municipality).toList()));
    }

    private void updateMunicipality(ServerRequest req, ServerResponse res) {
        Session session = requireAdmin(req, res);
        if (session == null) {
            return;
        }
        String code = req.path().pathParameters().get("code");
        MunicipalitySettings current = context.municipalities().find(code).orElse(null);
        if (current == null) {
            json(res.status(Status.NOT_FOUND_404), Map.of("error", "UNKNOWN_MUNICIPALITY"));
            return;
        }
        JsonNode body = Json.read(req.content().as(String.class));
        if (integer(body, "feePerCopyYen", current.feePerCopyYen()) != current.feePerCopyYen()) {
            throw new IllegalArgumentException("the fee is the municipality's own: it is set at the record backend");
        }
        MunicipalitySettings next = current.withTerms(
                bool(body, "participating", current.participating()),
                bool(body, "offersOverseas", current.offersOverseas()),
                current.feePerCopyYen(),
                time(body, "opensAt", current.opensAt()),
                time(body, "closesAt", current.closesAt()));
        MunicipalitySettings stored = context.municipalities().update(next);
        audit(req, session.username(), "UPDATE_MUNICIPALITY", code, terms(current), terms(stored));
        LOG.log(System.Logger.Level.INFO, "console: {0} changed municipality {1}", session.username(), code);
        json(res, Json.municipality(stored));
    }

    private void maintenance(ServerRequest req, ServerResponse res) {
        List<MaintenanceWindow> windows = context.maintenance().windows();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            rows.add(Json.maintenance(i, windows.get(i)));
        }
        json(res, Map.of("windows", rows));
    }

    private void addMaintenance(ServerRequest req, ServerResponse res) {
        Session session = requireAdmin(req, res);
        if (session == null) {
            return;
        }
        JsonNode body = Json.read(req.content().as(String.class));
        MaintenanceWindow window;
        try {
            window = new MaintenanceWindow(LocalDateTime.parse(Json.text(body, "start")),
                    LocalDateTime.parse(Json.text(body, "end")),
                    body.hasNonNull("municipalityCode") ? body.get("municipalityCode").asText() : "",
                    body.hasNonNull("note") ? body.get("note").asText() : "");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("start and end are Japan local times like 2025-05-01T01:00");
        }
        context.maintenance().add(window);
        audit(req, session.username(), "ADD_MAINTENANCE", window.municipalityCode().isEmpty() ? "all" : window.municipalityCode(),
                null, window.start() + ".." + window.end() + " " + window.note());
        LOG.log(System.Logger.Level.INFO, "console: {0} added a maintenance window", session.username());
        json(res, Map.of("ok", true));
    }

    private void removeMaintenance(ServerRequest req, ServerResponse res) {
        Session session = requireAdmin(req, res);
        if (session == null) {
            return;
        }
        int index;
        try {
            index = Integer.parseInt(req.path().pathParameters().get("index"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("index must be a number");
        }
        List<MaintenanceWindow> windows = context.maintenance().windows();
        String removed = index >= 0 && index < windows.size()
                ? windows.get(index).start() + ".." + windows.get(index).end() + " " + windows.get(index).municipalityCode() : null;
        context.maintenance().remove(index);
        audit(req, session.username(), "REMOVE_MAINTENANCE", String.valueOf(index), removed, null);
        LOG.log(System.Logger.Level.INFO, "console: {0} removed a maintenance window", session.username());
        json(res, Map.of("ok", true));
    }

    private void counts(ServerRequest req, ServerResponse res) {
        json(res, Json.counts(context.stats(), 24));
    }

    private void reconciled(ServerRequest req, ServerResponse res) {
        json(res, Map.of("reconciled", context.reconciliations().recent().stream().map(Json::reconciled).toList(),
                "openAlerts", context.board().alerts().all().stream()
                        .filter(a -> a.isOpen() && a.kind() == AlertKind.ISSUANCE_RECONCILED).count()));
    }

    /** The operator audit trail (administrators only): the newest entries and whether the chain is intact. */
    private void auditTrail(ServerRequest req, ServerResponse res) {
        if (requireAdmin(req, res) == null) {
            return;
        }
        var trail = context.audit();
        var check = trail.verify();
        json(res, Map.of("entries", trail.latest(200), "intact", check.intact(), "checked", check.entries(),
                "reason", check.reason()));
    }

    private void audit(ServerRequest req, String actor, String action, String target, String before, String after) {
        audit(context, req, actor, action, target, before, after);
    }

    /** One entry in the operator audit trail: the address and, with registered PCs, the PC's id as its source. */
    static void audit(ConsoleContext context, ServerRequest req, String actor, String action, String target, String before,
            String after) {
        String source = clientAddress(req) + dev.shomei.consolesecurity.RegisteredClients.clientId(req)
                .map(pc -> " pc=" + pc).orElse("");
        context.audit().append(actor, source, action, target, before, after);
    }

    private static String terms(MunicipalitySettings m) {
        return "participating=" + m.participating() + " overseas=" + m.offersOverseas() + " fee=" + m.feePerCopyYen()
                + " hours=" + m.opensAt() + "-" + m.closesAt();
    }

    static Session requireAdmin(ServerRequest req, ServerResponse res) {
        Session session = ConsoleSecurity.session(req);
        if (!session.role().mayAdminister()) {
            json(res.status(Status.FORBIDDEN_403), Map.of("error", "ADMIN_ONLY"));
            return null;
        }
        return session;
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode node = body.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return node.asBoolean();
    }

    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode node = body.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return node.asInt();
    }

    private static LocalTime time(JsonNode body, String field, LocalTime fallback) {
        JsonNode node = body.get(field);
        if (node == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a time like 06:30");
        }
    }

    static void json(ServerResponse res, Object body) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=UTF-8");
        res.send(Json.write(body));
    }

    /** Maps errors to one JSON shape: bad input 400, backend down 503, anything else 500. */
    static void error(ServerRequest req, ServerResponse res, Throwable failure) {
        if (failure instanceof io.helidon.http.HttpException http) {
            json(res.status(http.status()), Map.of("error", http.status().reasonPhrase()));
        } else if (failure instanceof IllegalArgumentException) {
            json(res.status(Status.BAD_REQUEST_400), Map.of("error", "INVALID", "reason", failure.getMessage()));
        } else if (failure instanceof ShomeiException e && e.code() == ErrorCode.BACKEND_UNAVAILABLE) {
            json(res.status(Status.SERVICE_UNAVAILABLE_503), Map.of("error", e.code().name()));
        } else if (failure instanceof ShomeiException e) {
            json(res.status(Status.BAD_REQUEST_400), Map.of("error", e.code().name()));
        } else {
            LOG.log(System.Logger.Level.ERROR, "console request failed", failure);
            json(res.status(Status.INTERNAL_SERVER_ERROR_500), Map.of("error", "INTERNAL"));
        }
    }
}
