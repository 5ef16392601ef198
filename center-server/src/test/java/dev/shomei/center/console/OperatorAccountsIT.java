package dev.shomei.center.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.otp.Base32;
import dev.shomei.protocol.pki.DevPki;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Administrators manage operator accounts in the console; nobody changes their own standing. */
class OperatorAccountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEW_PASSWORD = "night shift 2026";

    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    private static Https login(ConsoleFixture console, String user, String password, byte[] secret) throws Exception {
        Https http = new Https(pki, console.server.port());
        HttpResponse<String> response = http.post("/api/login", JSON.writeValueAsString(Map.of("username", user,
                "password", password, "code", console.code(secret))));
        assertEquals(200, response.statusCode(), response.body());
        http.csrf(JSON.readTree(response.body()).get("csrfToken").asText());
        return http;
    }

    @Test
    void anAdministratorCreatesChangesAndResetsOperatorsButNotThemselves() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(dir, pki)) {
            Https admin = login(console, "admin", ConsoleFixture.ADMIN_PASSWORD, console.adminSecret);
            HttpResponse<String> created = admin.post("/api/operators", JSON.writeValueAsString(Map.of(
                    "username", "night-op", "role", "OPERATOR", "password", NEW_PASSWORD, "expires", "2099-03-31")));
            assertEquals(201, created.statusCode(), created.body());
            byte[] secret = Base32.decodeAllowingHyphens(JSON.readTree(created.body()).get("totpSecret").asText());
            Https night = login(console, "night-op", NEW_PASSWORD, secret);
            assertEquals(403, night.get("/api/operators").statusCode(), "operators manage nobody");
            assertEquals(403, night.put("/api/operators/night-op", JSON.writeValueAsString(Map.of(
                    "role", "ADMIN", "enabled", true))).statusCode(), "no self-promotion");

            JsonNode list = JSON.readTree(admin.get("/api/operators").body()).get("operators");
            assertEquals(3, list.size());
            assertTrue(list.toString().contains("2099-03-31"));
            assertTrue(!list.toString().contains("pbkdf2") && !list.toString().contains("totpSecret"), "no secrets listed");

            HttpResponse<String> self = admin.put("/api/operators/admin", JSON.writeValueAsString(Map.of(
                    "role", "OPERATOR", "enabled", true)));
            assertEquals(403, self.statusCode());
            assertEquals("NOT_FOR_YOURSELF", JSON.readTree(self.body()).get("error").asText());

            assertEquals(200, admin.put("/api/operators/night-op", JSON.writeValueAsString(Map.of(
                    "role", "OPERATOR", "enabled", false))).statusCode());
            assertEquals(401, night.get("/api/me").statusCode(), "disabled: the session ended");
            assertEquals(200, admin.put("/api/operators/night-op", JSON.writeValueAsString(Map.of(
                    "role", "OPERATOR", "enabled", true))).statusCode());

            byte[] fresh = Base32.decodeAllowingHyphens(JSON.readTree(admin.post("/api/operators/night-op/totp", "{}").body())
                    .get("totpSecret").asText());
            login(console, "night-op", NEW_PASSWORD, fresh);

            JsonNode trail = JSON.readTree(admin.get("/api/audit").body());
            String actions = trail.get("entries").toString();
            assertTrue(actions.contains("CREATE_OPERATOR") && actions.contains("UPDATE_OPERATOR")
                    && actions.contains("RESET_OPERATOR_TOTP"), actions);
            assertTrue(actions.contains("role=OPERATOR enabled=true expires=2099-03-31"), "the value before");
            assertTrue(trail.get("intact").asBoolean());
        }
    }
}
