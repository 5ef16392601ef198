package dev.shomei.system.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.load.CardPool;
import dev.shomei.load.TerminalEnrolment;
import dev.shomei.record.testing.PostgresServer;
import dev.shomei.system.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The record backend on a pg_auto_failover cluster (primary + synchronous standby, monitor),
 * connected with a multi-host JDBC URL ({@code targetServerType=primary}). The load generator's
 * kiosks issue through a center while the primary node is killed ({@code kill -9} of its postgres
 * and its keeper); the monitor promotes the standby and the backend's pool finds it. Afterwards
 * every issuance a kiosk saw acknowledged as PRINTED is in the database exactly once and PRINTED,
 * no transaction or certificate id is recorded twice, nothing is left ISSUED once reconciliation
 * has run, the kiosks got only "unavailable" refusals meanwhile (never a wrong answer), every audit
 * chain verifies, and the time to recover is printed.
 */
class PostgresFailoverIT {
    private static final int KIOSKS = 4;
    private static final Map<String, String> CENTER = Map.of(
            "reconcile-after: 15m", "reconcile-after: 30s",
            "reconcile-every: 1m", "reconcile-every: 2s",
            "attempt-timeout: 3s", "attempt-timeout: 5s",
            "deadline: 8s", "deadline: 15s");

    private static Path root;
    private static PgAutoFailover cluster;
    private static HaStack stack;

    @BeforeAll
    static void start() throws Exception {
        var pgCtl = PgAutoFailover.pgCtl();
        Assumptions.assumeTrue(pgCtl.isPresent() || PostgresServer.ci(),
                "pg_auto_failover is not installed (Debian: pg-auto-failover-cli, postgresql-NN-auto-failover)");
        root = Files.createTempDirectory("shomei-ha-pg-");
        // the postgres user passes through to its own directory below, nothing more
        Files.setPosixFilePermissions(root, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        cluster = PgAutoFailover.start(root.resolve("pg"), pgCtl.orElseThrow(() -> new IllegalStateException(
                "CI=true but pg_auto_failover is not installed: install the packages in .ci/apt-packages")));
        stack = new HaStack(root, cluster.jdbcUrl(), TerminalEnrolment.ids("HAP", KIOSKS), CENTER);
        stack.startBackend();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            try {
                if (cluster != null) {
                    cluster.close();
                }
            } finally {
                if (root != null) {
                    try {
                        KeptLogs.keep(root, "PostgresFailoverIT"); // after the cluster stopped
                    } finally {
                        dev.shomei.kiosk.testing.Trees.delete(root);
                    }
                }
            }
        }
    }

    @Test
    void primaryKilledDuringTheLoadLosesAndDoublesNothing() throws Exception {
        HaStack.Center center = stack.startCenters(1).getFirst();
        CardPool cards = stack.cards(40);
        int primary = cluster.primaryPort();
        int standby = cluster.nodePorts().stream().filter(p -> p != primary).findFirst().orElseThrow();
        int atKill;
        double promotedAfter;
        double recoveredAfter;
        SimulatedKiosks kiosks = new SimulatedKiosks(stack.pki(), center.linePort, TerminalEnrolment.ids("HAP", KIOSKS),
                "PF" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT), cards);
        try {
            Await.until(() -> kiosks.printedCount() >= 12, Duration.ofSeconds(120), "issuances before the kill");
            cluster.killNode(primary);
            long killed = System.nanoTime();
            atKill = kiosks.printedCount();
            Await.until(() -> cluster.writable(standby), Duration.ofSeconds(60), "the standby promoted and writable");
            promotedAfter = (System.nanoTime() - killed) / 1e9;
            // each kiosk may finish the one issuance it had in flight: more than that needs the new primary
            Await.until(() -> kiosks.printedCount() > atKill + KIOSKS, Duration.ofSeconds(90),
                    "issuances on the promoted standby");
            recoveredAfter = (System.nanoTime() - killed) / 1e9;
            int recovered = kiosks.printedCount();
            Await.until(() -> kiosks.printedCount() >= recovered + 8, Duration.ofSeconds(60), "the load going on");
        } finally {
            kiosks.close();
        }
        System.out.printf(java.util.Locale.ROOT, "postgres failover: primary killed after %d issuances; standby promoted "
                + "and writable after %.1f s; kiosks issuing again after %.1f s (time to recover)%n", atKill, promotedAfter,
                recoveredAfter);

        Await.until(() -> stack.stillIssued() == 0, Duration.ofSeconds(90), "no issuance left ISSUED");
        Map<String, String> statuses = stack.statuses(); // fails on a transaction recorded twice
        Map<String, Long> byStatus = new TreeMap<>();
        statuses.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        Map<String, Long> errors = kiosks.metrics.errors.byCode();
        System.out.printf("postgres failover: %d acknowledged as printed; backend %s; kiosk errors %s%n",
                kiosks.printed.size(), byStatus, errors);
        for (String transaction : kiosks.printed) {
            assertEquals("PRINTED", statuses.get(transaction), "acknowledged as printed: " + transaction);
        }
        for (Map.Entry<String, String> row : statuses.entrySet()) {
            assertTrue(row.getValue().equals("PRINTED") || row.getValue().equals("VOIDED"), () -> "left " + row);
        }
        assertEquals(0, duplicateCertificateIds(), "a certificate id recorded twice");
        for (String error : errors.keySet()) {
            assertTrue(error.startsWith("BACKEND_UNAVAILABLE") || error.startsWith("CENTER_UNAVAILABLE"),
                    () -> "a kiosk got " + error + " during the failover: " + errors);
        }
        assertTrue(kiosks.printed.size() >= atKill + KIOSKS + 8, "issuances after the failover");
        Launcher.Result audit = stack.backendCommand("audit-verify");
        assertEquals(0, audit.exitCode(), audit.stdout() + audit.stderr());
        // alone, the promoted node is wait_primary (primary without a standby to wait for)
        assertTrue(List.of("wait_primary", "primary").contains(cluster.states().get(standby)),
                () -> "the monitor has the standby as primary: " + cluster.states());
    }

    private static long duplicateCertificateIds() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM (SELECT certificate_id FROM issuance"
                     + " GROUP BY certificate_id HAVING COUNT(*) > 1) d")) {
            r.next();
            return r.getLong(1);
        }
    }
}
