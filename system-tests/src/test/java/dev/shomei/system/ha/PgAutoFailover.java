package dev.shomei.system.ha;

import dev.shomei.system.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster managed by pg_auto_failover (Debian: {@code pg-auto-failover-cli},
 * {@code postgresql-NN-auto-failover}): a monitor and two nodes, a primary and a synchronous
 * standby, each with its own data directory and loopback port, all under one directory. Every
 * {@code pg_autoctl} runs as this JVM's child ({@code pg_autoctl run} in the foreground), as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses root), with its
 * configuration and state files kept under the directory too (XDG variables), not in the postgres
 * user's home.
 *
 * <p>The monitor's failure detection is tightened for a test (health check every second, a node
 * unhealthy after 3 s, the old primary given 5 s to demote itself instead of 30); docs/operations.md
 * gives the production values. While the standby's {@code pg_basebackup} waits for its start
 * checkpoint, the primary is asked for an immediate one: a spread checkpoint takes minutes.
 */
final class PgAutoFailover implements AutoCloseable {
    static final Path PG_AUTOCTL = Path.of("/usr/bin/pg_autoctl");
    static final String DATABASE = "shomei";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Path dir;
    private final Path pgCtl;
    private final boolean asPostgres = "root".equals(System.getProperty("user.name"));
    final int monitorPort = Ports.free();
    private Process monitor;
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();

    private PgAutoFailover(Path dir, Path pgCtl) {
        this.dir = dir;
        this.pgCtl = pgCtl;
    }

    /** pg_autoctl and the PostgreSQL major it was built for (its extension must be installed for that major). */
    static Optional<Path> pgCtl() {
        if (!Files.isExecutable(PG_AUTOCTL)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(v -> Files.exists(v.resolve("lib").resolve("pgautofailover.so")))
                    .map(v -> v.resolve("bin").resolve("pg_ctl")).filter(Files::isExecutable).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts monitor, primary and standby; returns once the standby is a synchronous secondary. */
    static PgAutoFailover start(Path dir, Path pgCtl) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        PgAutoFailover cluster = new PgAutoFailover(dir, pgCtl);
        if (cluster.asPostgres) {
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
        }
        try {
            cluster.startMonitor();
            int first = Ports.free();
            cluster.startNode("node1", first);
            cluster.awaitStates(Map.of(first, "single"), "the first node to be a single primary");
            int second = Ports.free();
            cluster.startNode("node2", second);
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!cluster.states().equals(Map.of(first, "primary", second, "secondary"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no primary + secondary within " + START_TIMEOUT + ": " + cluster.states());
                }
                cluster.checkpoint(first); // ends the base backup's spread checkpoint now
                Thread.sleep(1000);
            }
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private void startMonitor() throws IOException, InterruptedException {
        Path data = dir.resolve("monitor");
        Process create = spawn("create-monitor", List.of("create", "monitor", "--pgctl", pgCtl.toString(), "--pgdata",
                data.toString(), "--pgport", String.valueOf(monitorPort), "--hostname", "127.0.0.1", "--auth", "trust",
                "--no-ssl"));
        if (!create.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new AssertionError("pg_autoctl create monitor failed; see " + dir.resolve("create-monitor.log") + ":\n"
                    + Files.readString(dir.resolve("create-monitor.log"), StandardCharsets.UTF_8));
        }
        // the monitor listens on every interface by default: loopback only here
        Files.writeString(data.resolve("postgresql.auto.conf"), "listen_addresses = '127.0.0.1'\n",
                java.nio.file.StandardOpenOption.APPEND);
        monitor = spawn("monitor", List.of("run", "--pgdata", data.toString()));
        Await.until(() -> sql(monitorUrl(), "SELECT 1").isPresent(), START_TIMEOUT, "the pg_auto_failover monitor answers");
        for (String setting : List.of("health_check_period = 1000", "health_check_timeout = 1000",
                "health_check_max_retries = 1", "health_check_retry_delay = 500",
                "node_considered_unhealthy_timeout = 3000", "primary_demote_timeout = 5000")) {
            sql(monitorUrl(), "ALTER SYSTEM SET pgautofailover." + setting).orElseThrow();
        }
        sql(monitorUrl(), "SELECT pg_reload_conf()").orElseThrow();
    }

    private void startNode(String name, int port) throws IOException {
        String monitorUri = "postgres://autoctl_node@127.0.0.1:" + monitorPort + "/pg_auto_failover?sslmode=disable";
        nodes.put(port, spawn(name, List.of("create", "postgres", "--pgctl", pgCtl.toString(), "--pgdata",
                dir.resolve(name).toString(), "--pgport", String.valueOf(port), "--listen", "127.0.0.1", "--hostname",
                "127.0.0.1", "--name", name, "--dbname", DATABASE, "--monitor", monitorUri, "--auth", "trust", "--no-ssl",
                "--run")));
    }

    private Process spawn(String name, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("env", "XDG_CONFIG_HOME=" + dir.resolve("config"), "XDG_DATA_HOME=" + dir.resolve("share"),
                "XDG_RUNTIME_DIR=" + dir.resolve("run"), PG_AUTOCTL.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".log").toFile())).start();
    }

    /** Node port → the state the node reported to the monitor (empty while the monitor does not answer). */
    Map<Integer, String> states() {
        Map<Integer, String> states = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(monitorUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT nodeport, reportedstate FROM pgautofailover.node ORDER BY nodeid")) {
            while (r.next()) {
                states.put(r.getInt(1), r.getString(2));
            }
        } catch (SQLException e) {
            return Map.of();
        }
        return states;
    }

    void awaitStates(Map<Integer, String> wanted, String what) throws InterruptedException {
        Await.until(() -> {
            Map<Integer, String> now = states();
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(now.get(e.getKey())));
        }, START_TIMEOUT, what + " (states " + states() + ")");
    }

    /** The node the monitor has as primary. */
    int primaryPort() {
        return states().entrySet().stream().filter(e -> e.getValue().equals("primary")).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no primary: " + states()));
    }

    List<Integer> nodePorts() {
        return List.copyOf(nodes.keySet());
    }

    /** Whether the node at {@code port} takes writes (is up, not in recovery, not read-only). */
    boolean writable(int port) {
        return sql(nodeUrl(port), "SELECT (NOT pg_is_in_recovery() AND current_setting('default_transaction_read_only') = 'off')::text")
                .map(Boolean::parseBoolean).orElse(false);
    }

    /** The backend's URL: both nodes, the driver picks the one that is primary (and writable). */
    String jdbcUrl() {
        StringBuilder hosts = new StringBuilder();
        for (int port : nodes.keySet()) {
            hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1:").append(port);
        }
        return "jdbc:postgresql://" + hosts + "/" + DATABASE + "?user=postgres&targetServerType=primary"
                + "&connectTimeout=5&socketTimeout=30";
    }

    /**
     * {@code kill -9} of a node's whole process tree: its postgres and the pg_autoctl keeper that
     * would otherwise restart it, as when the primary's machine dies.
     */
    void killNode(int port) throws InterruptedException {
        Process node = nodes.get(port);
        List<ProcessHandle> all = new ArrayList<>(node.descendants().toList());
        all.add(node.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    private void checkpoint(int port) {
        sql(nodeUrl(port), "CHECKPOINT");
    }

    private String monitorUrl() {
        return "jdbc:postgresql://127.0.0.1:" + monitorPort + "/pg_auto_failover?user=postgres&connectTimeout=5";
    }

    private static String nodeUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=postgres&connectTimeout=5";
    }

    /** The first column of the first row, or empty when the server does not answer. */
    private static Optional<String> sql(String url, String query) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (!s.execute(query)) {
                return Optional.of("");
            }
            try (ResultSet r = s.getResultSet()) {
                return Optional.of(r.next() ? String.valueOf(r.getString(1)) : "");
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops nodes and monitor and deletes the directory: SIGTERM to each pg_autoctl (it stops its
     * postgres; runuser in between would kill it two seconds later), kill -9 of whatever of the
     * process trees is left after 30 s.
     */
    @Override
    public void close() throws InterruptedException {
        List<Process> all = new ArrayList<>(nodes.values());
        if (monitor != null) {
            all.add(monitor);
        }
        List<ProcessHandle> tree = new ArrayList<>();
        for (Process process : all) {
            tree.addAll(process.descendants().toList());
            tree.add(process.toHandle());
        }
        for (Process process : all) {
            if (asPostgres) {
                process.children().forEach(ProcessHandle::destroy);
            } else {
                process.destroy();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> handle).join();
            }
        }
        for (Path postmaster : List.of(dir.resolve("node1"), dir.resolve("node2"), dir.resolve("monitor"))) {
            removeSharedMemory(postmaster.resolve("postmaster.pid"));
        }
        dev.shomei.kiosk.testing.Trees.delete(dir);
    }

    /** A postgres killed with -9 leaves its System V segment: line 7 of postmaster.pid names it. */
    private static void removeSharedMemory(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() >= 7) {
                String[] keyAndId = lines.get(6).trim().split("\\s+");
                if (keyAndId.length == 2) {
                    new ProcessBuilder("ipcrm", "-m", keyAndId[1]).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (IOException | InterruptedException ignored) {
            // no pid file: postgres stopped cleanly and removed it with its segment
        }
    }
}
