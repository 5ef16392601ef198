package dev.shomei.center.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.center.CenterMainAccess;
import dev.shomei.center.testing.Https;
import dev.shomei.protocol.pki.DevPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operator action in a hash-chained trail: who, from where, what, before/after; an edit is found. */
class OperatorAuditIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path pkiDir;
    static DevPki pki;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() {
        pki = DevPki.ensure(pkiDir);
    }

    @Test
    void actionsAreRecordedShownToAdministratorsAndAnEditIsDetected() throws Exception {
        try (ConsoleFixture console = new ConsoleFixture(dir, pki)) {
            Https http = new Https(pki, console.server.port());
            http.post("/api/login", JSON.writeValueAsString(Map.of("username", "nobody-here", "password",
                    "typed secret 123", "code", "000000")));
            JsonNode me = JSON.readTree(http.post("/api/login", JSON.writeValueAsString(Map.of("username", "admin",
                    "password", ConsoleFixture.ADMIN_PASSWORD, "code", console.code(console.adminSecret)))).body());
            http.csrf(me.get("csrfToken").asText());
            assertEquals(200, http.post("/api/terminals/K0001/disable", "").statusCode());

            JsonNode trail = JSON.readTree(http.get("/api/audit").body());
            assertTrue(trail.get("intact").asBoolean());
            JsonNode newest = trail.get("entries").get(0);
            assertEquals("DISABLE_TERMINAL", newest.get("action").asText());
            assertEquals("admin", newest.get("actor").asText());
            assertEquals("K0001", newest.get("target").asText());
            assertEquals("enabled", newest.get("before").asText());
            assertEquals("disabled", newest.get("after").asText());
            assertEquals("127.0.0.1", newest.get("source").asText());
            assertEquals("LOGIN", trail.get("entries").get(1).get("action").asText());
            JsonNode refused = trail.get("entries").get(2);
            assertEquals("LOGIN_REFUSED", refused.get("action").asText());
            assertEquals("(unknown)", refused.get("actor").asText(), "an unknown name is not kept as typed");
            assertFalse(trail.toString().contains("nobody-here"));

            Https operator = new Https(pki, console.server.port());
            JsonNode op = JSON.readTree(operator.post("/api/login", JSON.writeValueAsString(Map.of("username", "operator",
                    "password", ConsoleFixture.OPERATOR_PASSWORD, "code", console.code(console.operatorSecret)))).body());
            operator.csrf(op.get("csrfToken").asText());
            assertEquals(403, operator.get("/api/audit").statusCode(), "administrators only");
        }
        Path file = dir.resolve(ConsoleContext.OPERATOR_AUDIT_FILE);
        assertEquals(0, verify(), "intact");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int disabled = lines.indexOf(lines.stream().filter(l -> l.contains("DISABLE_TERMINAL")).findFirst().orElseThrow());
        String edited = lines.get(disabled).replace("\"after\":\"disabled\"", "\"after\":\"enabled\"");
        assertFalse(edited.equals(lines.get(disabled)));
        lines.set(disabled, edited);
        Files.write(file, lines);
        assertEquals(1, verify(), "an edited entry breaks the chain");
    }

    private int verify() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = CenterMainAccess.auditVerify(dir, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("operator audit trail"));
        return code;
    }
}
