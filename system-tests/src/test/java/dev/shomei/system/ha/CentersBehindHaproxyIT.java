package dev.shomei.system.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.load.CardPool;
import dev.shomei.load.TerminalEnrolment;
import dev.shomei.system.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two centers sharing one record backend, the load generator's kiosks reaching them through
 * HAProxy (TCP mode, the kiosks' mutual TLS end to end) and two kiosks with the firmware's own host
 * list. One center is killed ({@code kill -9}) in the middle of the load: the kiosks carry on
 * through the other, and reconciliation (on the survivor, 20 s here) closes every issuance the dead
 * center left open, so that at the end every issuance is PRINTED or VOIDED and every one a kiosk
 * saw acknowledged as printed is PRINTED.
 */
class CentersBehindHaproxyIT {
    private static final int BALANCED_KIOSKS = 6;
    /**
     * Reconciliation voids what had no outcome for 20 s (production: 15 min): far longer than a
     * back-to-back issuance takes from PDF to outcome, even on a loaded 2-core machine.
     */
    private static final Map<String, String> CENTER = Map.of(
            "reconcile-after: 15m", "reconcile-after: 20s",
            "reconcile-every: 1m", "reconcile-every: 2s",
            "attempt-timeout: 3s", "attempt-timeout: 5s",
            "deadline: 8s", "deadline: 15s");

    private static Path root;
    private static HaStack stack;
    private static Haproxy haproxy;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Haproxy.installed() || dev.shomei.record.testing.PostgresServer.ci(),
                "HAProxy is not installed (Debian package haproxy)");
        root = Files.createTempDirectory("shomei-ha-lb-");
        List<String> terminals = TerminalEnrolment.ids("HAL", BALANCED_KIOSKS + 2);
        stack = new HaStack(root, null, terminals, CENTER);
        stack.startBackend();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (haproxy != null) {
                haproxy.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
                KeptLogs.keep(root, "CentersBehindHaproxyIT");
            }
            if (root != null) {
                dev.shomei.kiosk.testing.Trees.delete(root);
            }
        }
    }

    @Test
    void kiosksCarryOnThroughTheOtherCenterAndReconciliationClosesEveryIssuance() throws Exception {
        List<HaStack.Center> centers = stack.startCenters(2);
        HaStack.Center doomed = centers.get(0);
        HaStack.Center survivor = centers.get(1);
        haproxy = Haproxy.start(root.resolve("haproxy"), List.of(doomed.linePort, survivor.linePort));
        CardPool cards = stack.cards(40);
        List<String> terminals = TerminalEnrolment.ids("HAL", BALANCED_KIOSKS + 2);

        List<HostListKiosk> hostList = new ArrayList<>();
        int printedBefore;
        int printedAfter;
        long started;
        SimulatedKiosks balanced = new SimulatedKiosks(stack.pki(), haproxy.port(), terminals.subList(0, BALANCED_KIOSKS),
                "HA" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT), cards);
        try {
            // the host-list kiosks name the doomed center first: they are on it when it dies
            List<CenterAddress> list = List.of(new CenterAddress("127.0.0.1", doomed.linePort),
                    new CenterAddress("127.0.0.1", survivor.linePort));
            for (String terminal : terminals.subList(BALANCED_KIOSKS, terminals.size())) {
                hostList.add(new HostListKiosk(stack.pki(), terminal, list, cards));
            }
            // the load runs on both centers (least connections spreads the six kiosks over the two)
            Await.until(() -> balanced.printedCount() >= 12 && hostList.stream().allMatch(k -> k.printed.size() >= 2),
                    Duration.ofSeconds(120), "issuances through HAProxy and the host list before the kill");
            HaStack.kill(doomed.process);
            started = System.nanoTime();
            printedBefore = balanced.printedCount();
            Set<String> hostListBefore = new HashSet<>();
            hostList.forEach(k -> hostListBefore.addAll(k.printed));
            Await.until(() -> balanced.printedCount() >= printedBefore + 12
                            && hostList.stream().allMatch(k -> !hostListBefore.containsAll(k.printed) && k.printed.size() >= 4),
                    Duration.ofSeconds(90), "issuances through the surviving center after the kill");
            printedAfter = balanced.printedCount() - printedBefore;
            System.out.printf("centers behind HAProxy: first issuances through the survivor %.1f s after the kill%n",
                    (System.nanoTime() - started) / 1e9);
        } finally {
            balanced.close();
            for (HostListKiosk kiosk : hostList) {
                kiosk.close();
            }
        }
        assertTrue(survivor.alive(), "the surviving center died");

        // reconciliation on the survivor ends what the dead center left without an outcome
        Await.until(() -> stack.stillIssued() == 0, Duration.ofSeconds(90), "no issuance left ISSUED");
        Map<String, String> statuses = stack.statuses();
        Map<String, Long> byStatus = new TreeMap<>();
        statuses.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        Set<String> acknowledged = new HashSet<>(balanced.printed);
        Map<String, Integer> hostListErrors = new TreeMap<>();
        for (HostListKiosk kiosk : hostList) {
            acknowledged.addAll(kiosk.printed);
            kiosk.errors.forEach((code, n) -> hostListErrors.merge(code, n, Integer::sum));
        }
        System.out.printf("centers behind HAProxy: %d printed before the kill, %d after (HAProxy kiosks); %d acknowledged "
                        + "in all; backend %s; kiosk errors %s, host-list errors %s%n", printedBefore, printedAfter,
                acknowledged.size(), byStatus, balanced.metrics.errors.byCode(), hostListErrors);
        for (Map.Entry<String, String> row : statuses.entrySet()) {
            assertTrue(row.getValue().equals("PRINTED") || row.getValue().equals("VOIDED"), () -> "left " + row);
        }
        for (String transaction : acknowledged) {
            assertEquals("PRINTED", statuses.get(transaction), "acknowledged as printed: " + transaction);
        }
        Launcher.Result audit = stack.backendCommand("audit-verify");
        assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());
    }
}
