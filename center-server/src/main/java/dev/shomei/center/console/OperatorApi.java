package dev.shomei.center.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shomei.center.console.auth.OperatorAccount;
import dev.shomei.center.console.auth.Role;
import dev.shomei.center.console.auth.Session;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operator accounts, administrators only, under {@code /api/operators}: list, create (the TOTP
 * secret is shown once), role / enabled / expiry, new password, new TOTP secret. Nobody changes
 * their own role, enabled state, expiry or TOTP secret (another administrator does), so an
 * administrator cannot lock the last door behind them and an operator cannot promote themselves.
 * Every change is in the audit trail with the values before and after; sessions of a changed
 * account end at their next request ({@code LiveSessions}).
 */
final class OperatorApi implements HttpService {
    private final ConsoleContext context;

    OperatorApi(ConsoleContext context) {
        this.context = context;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .put("/{name}", this::update)
                .post("/{name}/password", this::password)
                .post("/{name}/totp", this::resetTotp);
    }

    private void list(ServerRequest req, ServerResponse res) {
        if (ConsoleApi.requireAdmin(req, res) == null) {
            return;
        }
        ConsoleApi.json(res, Map.of("operators", context.login().accounts().all().stream().map(OperatorApi::view).toList()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Session admin = ConsoleApi.requireAdmin(req, res);
        if (admin == null) {
            return;
        }
        JsonNode body = Json.read(req.content().as(String.class));
        String name = Json.text(body, "username");
        if (!OperatorAccount.isValidUsername(name)) {
            throw new IllegalArgumentException("user names are 2-32 lower-case letters, digits, '.', '_' or '-'");
        }
        Role role = role(body);
        String expires = expires(body);
        String secret = context.login().accounts().create(name, role, Json.text(body, "password").toCharArray(), expires);
        context.login().steps().forget(name);
        ConsoleApi.audit(context, req, admin.username(), "CREATE_OPERATOR", name, null,
                "role=" + role + " expires=" + expires);
        ConsoleApi.json(res.status(Status.CREATED_201), Map.of("username", name, "totpSecret", secret));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Session admin = ConsoleApi.requireAdmin(req, res);
        if (admin == null) {
            return;
        }
        String name = req.path().pathParameters().get("name");
        if (name.equals(admin.username())) {
            ConsoleApi.json(res.status(Status.FORBIDDEN_403), Map.of("error", "NOT_FOR_YOURSELF"));
            return;
        }
        JsonNode body = Json.read(req.content().as(String.class));
        Role role = role(body);
        JsonNode enabledNode = body.get("enabled");
        if (enabledNode == null || !enabledNode.isBoolean()) {
            throw new IllegalArgumentException("enabled must be true or false");
        }
        String expires = expires(body);
        OperatorAccount before = context.login().accounts().update(name, role, enabledNode.asBoolean(), expires);
        ConsoleApi.audit(context, req, admin.username(), "UPDATE_OPERATOR", name, state(before),
                "role=" + role + " enabled=" + enabledNode.asBoolean() + " expires=" + expires);
        ConsoleApi.json(res, view(context.login().accounts().find(name).orElseThrow()));
    }

    private void password(ServerRequest req, ServerResponse res) {
        Session admin = ConsoleApi.requireAdmin(req, res);
        if (admin == null) {
            return;
        }
        String name = req.path().pathParameters().get("name");
        JsonNode body = Json.read(req.content().as(String.class));
        context.login().accounts().setPassword(name, Json.text(body, "password").toCharArray());
        ConsoleApi.audit(context, req, admin.username(), "SET_OPERATOR_PASSWORD", name, null, null);
        ConsoleApi.json(res, Map.of("ok", true));
    }

    private void resetTotp(ServerRequest req, ServerResponse res) {
        Session admin = ConsoleApi.requireAdmin(req, res);
        if (admin == null) {
            return;
        }
        String name = req.path().pathParameters().get("name");
        if (name.equals(admin.username())) {
            ConsoleApi.json(res.status(Status.FORBIDDEN_403), Map.of("error", "NOT_FOR_YOURSELF"));
            return;
        }
        String secret = context.login().accounts().resetTotp(name);
        context.login().steps().forget(name);
        ConsoleApi.audit(context, req, admin.username(), "RESET_OPERATOR_TOTP", name, null, null);
        ConsoleApi.json(res, Map.of("username", name, "totpSecret", secret));
    }

    private static Role role(JsonNode body) {
        try {
            return Role.valueOf(Json.text(body, "role"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role is OPERATOR or ADMIN");
        }
    }

    /** An ISO date (the last day the account works), or null for no end. */
    private static String expires(JsonNode body) {
        JsonNode node = body.get("expires");
        if (node == null || node.isNull() || node.asText().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires is a date like 2026-03-31");
        }
    }

    private static String state(OperatorAccount a) {
        return "role=" + a.role() + " enabled=" + a.enabled() + " expires=" + a.expires();
    }

    private static Map<String, Object> view(OperatorAccount a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("username", a.username());
        map.put("role", a.role().name());
        map.put("enabled", a.enabled());
        map.put("expires", a.expires());
        return map;
    }
}
