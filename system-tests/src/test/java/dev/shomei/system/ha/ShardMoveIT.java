package dev.shomei.system.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.center.CenterSettings;
import dev.shomei.kiosk.center.CenterAddress;
import dev.shomei.kiosk.center.LineCenterLink;
import dev.shomei.load.CardPool;
import dev.shomei.load.LocalStack;
import dev.shomei.load.TerminalEnrolment;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.PrintOutcome;
import dev.shomei.protocol.line.tls.LineTls;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.system.Launcher;
import dev.shomei.system.Ports;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two record-backend shards (separate processes, SQLite databases and master key stores: east holds
 * Bunkyo, west Shinjuku) and one center routing between them by municipality ({@code backend.shards}
 * in center.yaml), each through {@code ./shomei}. A kiosk (the firmware's line link) issues for a
 * municipality on each shard; then {@code backend move-municipality} moves Bunkyo from east to west
 * while both run, and the next Bunkyo issuance reaches west. Both audit logs verify.
 */
class ShardMoveIT {
    private static final String BUNKYO = "131059";
    private static final String SHINJUKU = "131041";
    private static final int RESIDENTS = 20;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final String TERMINAL = "SHD0001";

    private static Path root;
    private static Launcher east;
    private static Launcher west;
    private static Launcher center;
    private static final List<Process> processes = new ArrayList<>();
    private static final int eastApi = Ports.free();
    private static final int westApi = Ports.free();
    private static final int linePort = Ports.free();

    @BeforeAll
    static void start() throws Exception {
        root = Files.createTempDirectory("shomei-shards-");
        east = new Launcher(root.resolve("east"));
        west = new Launcher(root.resolve("west"));
        center = new Launcher(root.resolve("center"));
        DevPki pki = pki();
        TerminalEnrolment.ensureCertificates(pki, List.of(TERMINAL), new PrintStream(PrintStream.nullOutputStream()));
        ok(east.run(COMMAND_TIMEOUT, "backend", "generate", "--municipality", BUNKYO, "--residents",
                String.valueOf(RESIDENTS), "--seed", "61"), "generate at east");
        ok(west.run(COMMAND_TIMEOUT, "backend", "generate", "--municipality", SHINJUKU, "--residents",
                String.valueOf(RESIDENTS), "--seed", "62"), "generate at west");
        String keys = east.state().resolve("pki").toString();
        processes.add(east.start("backend", "backend", "serve", "--demo", "--keys", keys, "--api-port",
                String.valueOf(eastApi), "--console-port", String.valueOf(Ports.free()), "--public-port", "-1"));
        processes.add(west.start("backend", "backend", "serve", "--demo", "--keys", keys, "--api-port",
                String.valueOf(westApi), "--console-port", String.valueOf(Ports.free()), "--public-port", "-1"));
        Ports.awaitListening(eastApi, processes.get(0), START_TIMEOUT, "backend east");
        Ports.awaitListening(westApi, processes.get(1), START_TIMEOUT, "backend west");

        Path dir = Files.createDirectories(center.state().resolve("center"));
        // the default's "url:" line (with its comment) becomes a shard list at the same indentation
        String yaml = LocalStack.centerYaml().replaceFirst("(?m)^( *)url: https://127\\.0\\.0\\.1:8410.*$",
                "$1shards:\n$1  - name: east\n$1    urls: [https://127.0.0.1:" + eastApi + "]\n"
                        + "$1  - name: west\n$1    urls: [https://127.0.0.1:" + westApi + "]")
                .replace("municipality-refresh: 5s", "municipality-refresh: 2s");
        if (!yaml.contains("- name: west")) {
            throw new IllegalStateException("center.yaml defaults changed: no backend url line to replace");
        }
        Files.writeString(dir.resolve(CenterSettings.FILE_NAME), yaml);
        Files.writeString(dir.resolve("municipalities.json"), """
                {"overrides":[\
                {"code":"%s","participating":true,"offersOverseas":true,"opensAt":"00:00","closesAt":"00:00"},\
                {"code":"%s","participating":true,"offersOverseas":true,"opensAt":"00:00","closesAt":"00:00"}]}
                """.formatted(BUNKYO, SHINJUKU));
        TerminalEnrolment.register(dir.resolve("terminals.json"), List.of(TERMINAL));
        // no --backend: it would replace the shards with one backend
        processes.add(center.start("center", "center", "serve", "--demo", "--keys", keys, "--line-port",
                String.valueOf(linePort), "--console-port", String.valueOf(Ports.free())));
        Ports.awaitListening(linePort, processes.get(2), START_TIMEOUT, "center");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (root != null) {
            KeptLogs.keep(root, "ShardMoveIT");
            dev.shomei.kiosk.testing.Trees.delete(root);
        }
    }

    private static DevPki pki() {
        return DevPki.ensure(east.state().resolve("pki"));
    }

    private static void ok(Launcher.Result result, String what) {
        if (result.exitCode() != 0) {
            throw new AssertionError(what + " failed (" + result.exitCode() + "): " + result.stdout() + result.stderr());
        }
    }

    private static String jdbc(Launcher backend) {
        return "jdbc:sqlite:" + backend.state().resolve("backend").resolve("records.db");
    }

    /** The issuance's status in this shard's database, or null when it has none for the transaction. */
    private static String status(Launcher backend, String transactionId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(backend));
             PreparedStatement s = c.prepareStatement("SELECT status FROM issuance WHERE transaction_id = ?")) {
            s.setString(1, transactionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** One kiosk issuance to PRINTED through the center, retried (same transaction id) for up to a minute. */
    private static void issueAndPrint(LineCenterLink link, CardPool cards, String municipality, String transactionId)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            CardPool.Card card = cards.card(1);
            IssueRequest request = new IssueRequest(transactionId, municipality, CertificateType.DOMESTIC, 1, Language.JA,
                    card.ef0001(), card.ef0002(), card.ef0003(), card.ef0004());
            try {
                link.issue(request).wipe();
                link.reportOutcome(PrintOutcome.printed(transactionId));
                return;
            } catch (ShomeiException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("issuance " + transactionId + " for " + municipality + " refused: " + e.code(), e);
                }
                Thread.sleep(1000);
            } finally {
                request.wipe();
            }
        }
    }

    @Test
    void eachShardIssuesItsMunicipalitiesAndAMovedOneIssuesAtItsNewShard() throws Exception {
        DevPki pki = pki();
        CardFactory factory = new CardFactory(pki.jlisDevKey(), KeyId.parse(DevPki.JLIS_DEV_KEY_ID));
        CardPool bunkyo = CardPool.make(factory, BUNKYO, 61, RESIDENTS, 2, CertificateType.DOMESTIC);
        CardPool shinjuku = CardPool.make(factory, SHINJUKU, 62, RESIDENTS, 2, CertificateType.DOMESTIC);
        try (LineCenterLink link = new LineCenterLink(List.of(new CenterAddress("127.0.0.1", linePort)),
                LineTls.clientContext(pki.terminal(TERMINAL), pki.rootCaPem()), TERMINAL, "shard-test",
                Duration.ofSeconds(30))) {
            issueAndPrint(link, bunkyo, BUNKYO, "SHD-bunkyo-1");
            issueAndPrint(link, shinjuku, SHINJUKU, "SHD-shinjuku-1");
            assertEquals("PRINTED", status(east, "SHD-bunkyo-1"));
            assertEquals(null, status(west, "SHD-bunkyo-1"));
            assertEquals("PRINTED", status(west, "SHD-shinjuku-1"));
            assertEquals(null, status(east, "SHD-shinjuku-1"));

            Launcher.Result moved = east.run(COMMAND_TIMEOUT, "backend", "move-municipality", "--code", BUNKYO,
                    "--to-db", jdbc(west), "--to-master-keys",
                    west.state().resolve("backend").resolve("master-keys.p12").toString(), "--drain", "10");
            ok(moved, "move-municipality");
            assertTrue(moved.stdout().contains("moved to"), moved.stdout());
            assertEquals("PRINTED", status(west, "SHD-bunkyo-1"), "the issuance moved with its municipality");
            assertEquals(null, status(east, "SHD-bunkyo-1"), "and is gone from the old shard");

            issueAndPrint(link, bunkyo, BUNKYO, "SHD-bunkyo-2");
            assertEquals("PRINTED", status(west, "SHD-bunkyo-2"), "after the move Bunkyo issues at west");
            assertEquals(null, status(east, "SHD-bunkyo-2"));
            issueAndPrint(link, shinjuku, SHINJUKU, "SHD-shinjuku-2");
            assertEquals("PRINTED", status(west, "SHD-shinjuku-2"));
        }
        ok(east.run(COMMAND_TIMEOUT, "backend", "audit-verify"), "audit-verify at east");
        ok(west.run(COMMAND_TIMEOUT, "backend", "audit-verify"), "audit-verify at west");
    }
}
