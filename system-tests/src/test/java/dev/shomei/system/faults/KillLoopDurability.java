package dev.shomei.system.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.sim.VirtualCardFile;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.system.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Durability: four simulated kiosks issue concurrently through a real center while the record
 * backend is killed with {@code kill -9} again and again and started again. Afterwards every
 * certificate a kiosk printed is PRINTED at the backend under the same certificate id, no
 * transaction or certificate id is recorded twice, nothing stays ISSUED once reconciliation has run,
 * and {@code ./shomei backend audit-verify} passes.
 *
 * <p>How long the kiosks issue: {@code -Dshomei.soak.seconds=N} (default 30, for CI); run it for
 * 30 minutes by hand with {@code -Dshomei.soak.seconds=1800}. Subclasses choose the database.
 */
abstract class KillLoopDurability {
    static final String BUNKYO = "131059";
    private static final int KIOSKS = 4;
    /**
     * Reconciliation voids what had no outcome for 45 s: longer than a backend restart (up to 20 s
     * on a loaded 2-core machine) plus an outcome retry, so that it never voids a printed certificate
     * whose PRINTED report is still on its way (in production: 15 min).
     */
    private static final Map<String, String> CENTER = FaultStack.centerYaml(
            "attempt-timeout: 3s", "attempt-timeout: 5s",
            "deadline: 8s", "deadline: 15s",
            "reconcile-after: 15m", "reconcile-after: 45s",
            "reconcile-every: 1m", "reconcile-every: 2s");

    private Path state;
    private FaultStack stack;

    /** The backend's JDBC URL, or null for the embedded SQLite. */
    abstract String databaseUrl();

    static Duration soakDuration() {
        return Duration.ofSeconds(Long.getLong("shomei.soak.seconds", 30));
    }

    @AfterEach
    void stop() throws Exception {
        if (stack != null) {
            stack.close();
            Path target = Path.of("target", "system-logs", getClass().getSimpleName());
            Files.createDirectories(target);
            try (var logs = Files.list(stack.shomei.logs())) {
                for (Path log : logs.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        dev.shomei.kiosk.testing.Trees.delete(state);
    }

    /** Waits until the kiosks have printed a few more certificates (at most a minute). */
    private static void awaitProgress(List<SoakKiosk> kiosks) throws InterruptedException {
        int before = printedSoFar(kiosks);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (printedSoFar(kiosks) < before + 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static int printedSoFar(List<SoakKiosk> kiosks) {
        return kiosks.stream().mapToInt(k -> k.printed.size()).sum();
    }

    @Test
    void concurrentIssuingSurvivesTheBackendKilledInALoop() throws Exception {
        String url = databaseUrl();
        state = Files.createTempDirectory("shomei-killloop-");
        stack = new FaultStack(state, url, CENTER, List.of());
        stack.startBackend();
        stack.startCenter();
        IssuanceDb db = new IssuanceDb(stack.jdbcUrl());
        DevPki pki = stack.pki();
        VirtualCardFile card = VirtualCardFile.read(Cards.file(pki, Cards.HANAKO, state.resolve("cards/hanako.json")));
        byte[][] files = {card.file(1), card.file(2), card.file(3), card.file(4)};

        AtomicBoolean running = new AtomicBoolean(true);
        List<SoakKiosk> kiosks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= KIOSKS; i++) {
            SoakKiosk kiosk = new SoakKiosk(pki, "K000" + i, stack.centerAddress(), files, BUNKYO, running);
            kiosks.add(kiosk);
            threads.add(Thread.ofPlatform().name("soak-kiosk-" + i).start(kiosk));
        }
        int kills = 0;
        long end = System.nanoTime() + soakDuration().toNanos();
        try {
            // at least two kills however slow the machine: a loop, not a single crash
            while (System.nanoTime() < end || kills < 2) {
                awaitProgress(kiosks); // the kiosks issue again after each restart, then ...
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 1500)); // ... at a random moment
                stack.killBackend();
                kills++;
                Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1500)); // down for a moment
                stack.startBackend();
            }
        } finally {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(90));
            }
            if (!stack.backendAlive()) {
                stack.startBackend();
            }
        }

        // every outcome reaches the backend, then reconciliation ends what had none
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (SoakKiosk kiosk : kiosks) {
            while (kiosk.flush() > 0) {
                assertTrue(System.nanoTime() < deadline, "print outcomes never delivered");
                Thread.sleep(500);
            }
            kiosk.close();
        }
        while (db.count("ISSUED") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }

        Map<String, IssuanceDb.Row> rows = db.all(); // throws on a transaction recorded twice
        Map<String, Integer> refusals = new TreeMap<>();
        int printed = 0;
        for (SoakKiosk kiosk : kiosks) {
            assertEquals(Map.of(), kiosk.outcomesRefused, "PRINTED outcomes the center refused");
            kiosk.refusals.forEach((code, n) -> refusals.merge(code, n, Integer::sum));
            for (Map.Entry<String, String> p : kiosk.printed.entrySet()) {
                IssuanceDb.Row row = rows.get(p.getKey());
                assertTrue(row != null, "a printed certificate has no issuance record");
                assertEquals("PRINTED", row.status(), () -> "printed but " + row);
                assertEquals(p.getValue(), row.certificateId(), "the certificate id printed is the one recorded");
                printed++;
            }
        }
        long stillIssued = rows.values().stream().filter(r -> r.status().equals("ISSUED")).count();
        assertEquals(0, stillIssued, "issuances with no end after reconciliation");
        assertEquals(0, db.duplicateCertificateIds(), "a certificate id recorded twice");
        long printedRows = rows.values().stream().filter(r -> r.status().equals("PRINTED")).count();
        assertEquals(printed, printedRows, "PRINTED at the backend but never printed by a kiosk");
        System.out.printf("kill loop (%s): %d kills, %d printed, %d issuances recorded, refusals %s%n",
                getClass().getSimpleName(), kills, printed, rows.size(), refusals);
        assertTrue(kills >= 2, "the backend was killed " + kills + " times");
        assertTrue(printed >= 4 * kills, "only " + printed + " certificates printed");

        Launcher.Result audit = stack.backendCommand("audit-verify");
        assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());
    }
}
