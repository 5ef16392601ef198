package dev.shomei.system.ha;

import dev.shomei.card.data.KeyId;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.center.CenterSettings;
import dev.shomei.load.CardPool;
import dev.shomei.load.LocalStack;
import dev.shomei.load.TerminalEnrolment;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.pki.DevPki;
import dev.shomei.system.Launcher;
import dev.shomei.system.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.TimeUnit;

/**
 * One record backend and several centers that share it, each a JVM started through
 * {@code ./shomei} with its own state directory (the centers share only the dev PKI, given with
 * {@code --keys}), on free loopback ports. The backend holds the load generator's synthetic
 * residents ({@code backend generate}) so that {@link #cards} are cards of real residents; the
 * centers run the load generator's {@code center.yaml} (rate limits a back-to-back load does not
 * trip) with the overrides a test gives, and know the test's terminals.
 */
final class HaStack implements AutoCloseable {
    static final String MUNICIPALITY = "131059"; // Bunkyo: built-in synthetic residents
    static final long SEED = 24;
    static final int RESIDENTS = 80;
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    final Path root;
    final Launcher shomei;
    final String databaseUrl;
    final int apiPort = Ports.free();
    final int backendConsolePort = Ports.free();
    private final List<String> terminals;
    private final String centerYaml;
    private final List<Center> centers = new ArrayList<>();
    private Process backend;

    /** One center: its launcher (own state), line port and process. */
    static final class Center {
        final Launcher shomei;
        final int linePort = Ports.free();
        final int consolePort = Ports.free();
        Process process;

        Center(Launcher shomei) {
            this.shomei = shomei;
        }

        boolean alive() {
            return process != null && process.isAlive();
        }
    }

    /**
     * @param databaseUrl null for the embedded SQLite under the backend's state
     * @param overrides   {@code center.yaml} lines replaced, "key: default" → "key: value"
     */
    HaStack(Path root, String databaseUrl, List<String> terminals, Map<String, String> overrides)
            throws IOException, InterruptedException {
        this.root = root;
        this.shomei = new Launcher(root.resolve("backend-state"));
        this.databaseUrl = databaseUrl;
        this.terminals = List.copyOf(terminals);
        String yaml = LocalStack.centerYaml();
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            if (!yaml.contains(e.getKey())) {
                throw new IllegalArgumentException("center.yaml has no line " + e.getKey());
            }
            yaml = yaml.replace(e.getKey(), e.getValue());
        }
        this.centerYaml = yaml;
        TerminalEnrolment.ensureCertificates(pki(), terminals, new PrintStream(PrintStream.nullOutputStream()));
        Launcher.Result generated = shomei.run(COMMAND_TIMEOUT, concat(List.of("backend", "generate", "--municipality",
                MUNICIPALITY, "--residents", String.valueOf(RESIDENTS), "--seed", String.valueOf(SEED)), db()));
        if (generated.exitCode() != 0) {
            throw new AssertionError("backend generate failed (" + generated.exitCode() + "): " + generated.stderr());
        }
    }

    DevPki pki() {
        return DevPki.ensure(shomei.state().resolve("pki"));
    }

    /** Virtual cards of residents the backend holds. */
    CardPool cards(int size) {
        DevPki pki = pki();
        return CardPool.make(new CardFactory(pki.jlisDevKey(), KeyId.parse(DevPki.JLIS_DEV_KEY_ID)), MUNICIPALITY, SEED,
                RESIDENTS, size, CertificateType.DOMESTIC);
    }

    /** Starts the backend and returns once its API listens. */
    synchronized void startBackend() throws IOException, InterruptedException {
        backend = shomei.start("backend", concat(List.of("backend", "serve", "--demo", "--api-port", String.valueOf(apiPort),
                "--console-port", String.valueOf(backendConsolePort), "--public-port", "-1"), db()));
        Ports.awaitListening(apiPort, backend, START_TIMEOUT, "backend");
    }

    /** Starts {@code count} centers at once (on 2 cores they start faster together than one by one). */
    synchronized List<Center> startCenters(int count) throws IOException, InterruptedException {
        List<Center> started = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Center center = new Center(new Launcher(root.resolve("center-" + (centers.size() + 1))));
            Path dir = center.shomei.state().resolve("center");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(CenterSettings.FILE_NAME), centerYaml);
            Files.writeString(dir.resolve("municipalities.json"), """
                    {"overrides":[{"code":"%s","participating":true,"offersOverseas":true,\
                    "opensAt":"00:00","closesAt":"00:00"}]}
                    """.formatted(MUNICIPALITY));
            TerminalEnrolment.register(dir.resolve("terminals.json"), terminals);
            center.process = center.shomei.start("center", "center", "serve", "--demo", "--keys",
                    shomei.state().resolve("pki").toString(), "--line-port", String.valueOf(center.linePort),
                    "--console-port", String.valueOf(center.consolePort), "--backend", "https://127.0.0.1:" + apiPort);
            centers.add(center);
            started.add(center);
        }
        for (Center center : started) {
            Ports.awaitListening(center.linePort, center.process, START_TIMEOUT, "center on " + center.linePort);
        }
        return started;
    }

    /** {@code kill -9} ({@link Process#destroyForcibly()}: the launcher exec'd the JVM); returns once it is gone. */
    static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("process " + process.pid() + " survived kill -9");
            }
        }
    }

    /** Runs a {@code ./shomei backend} command (e.g. audit-verify) against the same database. */
    Launcher.Result backendCommand(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("backend"));
        all.addAll(List.of(args));
        return shomei.run(COMMAND_TIMEOUT, concat(all, db()));
    }

    /** The JDBC URL the backend uses. */
    String jdbcUrl() {
        return databaseUrl != null ? databaseUrl
                : "jdbc:sqlite:" + shomei.state().resolve("backend").resolve("records.db");
    }

    /** Status of every issuance, by transaction id; fails on a transaction recorded twice. */
    Map<String, String> statuses() throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT transaction_id, status FROM issuance ORDER BY issued_at")) {
            while (r.next()) {
                if (rows.put(r.getString(1), r.getString(2)) != null) {
                    throw new AssertionError("transaction " + r.getString(1) + " is recorded twice");
                }
            }
        }
        return rows;
    }

    /** How many issuances are still ISSUED (no print outcome, not reconciled); -1 while the database does not answer. */
    long stillIssued() {
        try {
            return statuses().values().stream().filter("ISSUED"::equals).count();
        } catch (SQLException e) {
            return -1;
        }
    }

    private List<String> db() {
        return databaseUrl == null ? List.of() : List.of("--db", databaseUrl);
    }

    @Override
    public synchronized void close() throws InterruptedException {
        List<Process> processes = new ArrayList<>();
        centers.forEach(center -> processes.add(center.process));
        processes.add(backend);
        for (Process process : processes) {
            if (process != null && process.isAlive()) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (process != null && !process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String[] concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.toArray(String[]::new);
    }
}
