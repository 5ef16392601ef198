package dev.shomei.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shomei.kiosk.testing.LeftoverScanner;
import dev.shomei.kiosk.testing.Trees;
import dev.shomei.system.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real kiosk process ({@code ./shomei kiosk serve --demo}: demo card, paper tray, simulated coins)
 * prints a certificate while its line to the center is down, and is killed with {@code kill -9}
 * right after: the PRINTED report exists only in the kiosk's outcome journal. Reconciliation voids
 * the issuance (NO_OUTCOME) while the kiosk is dead; the kiosk is started again on the same state
 * directory, the line comes back, and the backend ends PRINTED — the certificate the resident paid
 * for and holds stays valid. The journal holds nothing personal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KioskKilledAfterPrintingIT {
    private static final String BUNKYO = "131059";
    private static final String TERMINAL = "K0003";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Map<String, String> CENTER = FaultStack.centerYaml(
            "attempt-timeout: 3s", "attempt-timeout: 10s",
            "deadline: 8s", "deadline: 20s",
            "reconcile-after: 15m", "reconcile-after: 20s",
            "reconcile-every: 1m", "reconcile-every: 2s");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path state;
    private FaultStack stack;
    private IssuanceDb db;
    private TcpProxy kioskLink;
    private Path card;
    private Process kiosk;
    private int kioskPort;

    @BeforeAll
    void startSystem() throws Exception {
        state = Files.createTempDirectory("shomei-kiosk-kill-");
        stack = new FaultStack(state, null, CENTER, List.of());
        stack.startBackend();
        stack.startCenter();
        db = new IssuanceDb(stack.jdbcUrl());
        kioskLink = new TcpProxy(stack.linePort);
        card = Cards.file(stack.pki(), Cards.HANAKO, state.resolve("cards").resolve("hanako.json"));
    }

    @AfterAll
    void stopSystem() throws Exception {
        try {
            if (kiosk != null && kiosk.isAlive()) {
                kiosk.destroy();
                if (!kiosk.waitFor(20, TimeUnit.SECONDS)) {
                    kiosk.destroyForcibly().waitFor();
                }
            }
            if (kioskLink != null) {
                kioskLink.close();
            }
            if (stack != null) {
                stack.close();
                copyLogs();
            }
        } finally {
            Trees.delete(state);
        }
    }

    @Test
    void aKioskKilledRightAfterPrintingStillEndsPrinted() throws Exception {
        startKiosk();
        Set<String> before = db.all().keySet();
        walkToConfirm();
        String tx = newTransaction(before);
        kioskLink.down(true); // the report cannot leave the kiosk
        try {
            action("{\"action\":\"CONFIRM\"}");
            awaitState("PAYMENT");
            coin(500);
            awaitState("TAKE_CERTIFICATE");
            Path journal = state.resolve("kiosk").resolve("outcomes.journal");
            // with the fee the kiosk kept: Bunkyo's demo fee for one copy, 500 in and 380 back
            assertEquals(List.of("+ " + tx + " PRINTED NONE 120"), Files.readAllLines(journal),
                    "on the disk when the screen says take your certificate");
            kiosk.destroyForcibly(); // kill -9: the launcher exec'd the JVM
            assertTrue(kiosk.waitFor(30, TimeUnit.SECONDS), "the kiosk died");
            try (var tray = Files.list(state.resolve("demo").resolve("paper-tray"))) {
                assertTrue(tray.findAny().isPresent(), "it printed");
            }
            IssuanceDb.Row voided = db.awaitStatus(tx, "VOIDED", WAIT);
            assertEquals("NO_OUTCOME", voided.voidReason(), "reconciled while the kiosk was dead");
            assertEquals(List.of(), new LeftoverScanner(Cards.name(Cards.resident(Cards.HANAKO)),
                    Cards.resident(Cards.HANAKO).myNumber().digits(), List.of()).scanFile(journal),
                    "the journal holds transaction ids and results only");
        } finally {
            kioskLink.down(false);
        }
        startKiosk(); // same state directory: the journal is replayed
        IssuanceDb.Row printed = db.awaitStatus(tx, "PRINTED", WAIT);
        assertEquals(TERMINAL, printed.terminalId());
    }

    private void startKiosk() throws Exception {
        kioskPort = Ports.free();
        kiosk = stack.shomei.start("kiosk", "kiosk", "serve", "--demo", "--terminal", TERMINAL,
                "--center", "127.0.0.1:" + kioskLink.port(), "--demo-card", card.toString(),
                "--port", String.valueOf(kioskPort), "--heartbeat-seconds", "2");
        Ports.awaitListening(kioskPort, kiosk, FaultStack.START_TIMEOUT, "kiosk");
    }

    private void walkToConfirm() throws Exception {
        awaitState("IDLE");
        action("{\"action\":\"START\"}");
        action("{\"action\":\"SERVICE\",\"value\":\"VACCINATION_CERTIFICATE\"}");
        action("{\"action\":\"LANGUAGE\",\"value\":\"JA\"}");
        action("{\"action\":\"CERTIFICATE_TYPE\",\"value\":\"DOMESTIC\"}");
        post("/api/card", "{\"present\":true}");
        awaitState("PIN");
        for (char digit : Cards.PIN.toCharArray()) {
            action("{\"action\":\"PIN_DIGIT\",\"digit\":" + digit + "}");
        }
        action("{\"action\":\"PIN_SUBMIT\"}");
        awaitState("REMOVE_CARD");
        post("/api/card", "{\"present\":false}");
        awaitMunicipalityList();
        action("{\"action\":\"MUNICIPALITY\",\"code\":\"" + BUNKYO + "\"}");
        action("{\"action\":\"COPIES\",\"copies\":1}");
        awaitState("CONFIRM");
    }

    private String newTransaction(Set<String> before) throws Exception {
        Set<String> fresh = new HashSet<>(db.all().keySet());
        fresh.removeAll(before);
        assertEquals(1, fresh.size(), "one issuance for the request");
        return fresh.iterator().next();
    }

    private void coin(int yen) throws Exception {
        HttpResponse<String> response = post("/api/coin", "{\"yen\":" + yen + "}");
        assertEquals("ACCEPTED", json.readTree(response.body()).get("result").asText());
    }

    private void action(String body) throws Exception {
        HttpResponse<String> response = post("/api/action", body);
        assertEquals(200, response.statusCode(), () -> body + " -> " + response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kioskPort + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitState(String wanted) throws Exception {
        awaitScreen(wanted, screen -> true);
    }

    /**
     * The municipality screen shows before the center's list has arrived (it is fetched while the card
     * is taken out): a choice is possible only once the list is there.
     */
    private void awaitMunicipalityList() throws Exception {
        awaitScreen("MUNICIPALITY", screen -> screen.get("municipalities").isArray());
    }

    private void awaitScreen(String wanted, java.util.function.Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String seen = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + kioskPort + "/api/screen")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode screen = json.readTree(response.body());
            seen = screen.get("state").asText();
            if (wanted.equals(seen) && ready.test(screen)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the kiosk did not reach " + wanted + " (last " + seen + ")");
    }

    private void copyLogs() {
        try {
            Path target = Path.of("target", "system-logs", getClass().getSimpleName());
            Files.createDirectories(target);
            try (var logs = Files.list(stack.shomei.logs())) {
                for (Path log : logs.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            // the logs are a convenience for the build report
        }
    }
}
