package dev.shomei.bench.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server on a data directory that outlives it (the benchmark's 1,000,000
 * residents are generated once and reused): {@code initdb} on first use, {@code pg_ctl start} on
 * 127.0.0.1 with a free port and a socket directory inside the data directory's parent,
 * {@code pg_ctl stop} on {@link #close()}. initdb refuses to run as root, so as root the server
 * runs as the {@code postgres} user.
 *
 * <p>The same idea as record-backend's test helper {@code PostgresServer} (which lives in its test
 * sources and deletes its directory on exit); this one keeps its data and runs with PostgreSQL's
 * durable defaults (fsync, synchronous commit) so that an issuance costs what it costs in production.
 */
public final class PrivatePostgres implements AutoCloseable {
    public static final String SUPERUSER = "shomei";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The binaries of the newest installed PostgreSQL, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(bin -> versionNumber(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts a server on {@code dir}/data, creating the cluster first when it does not exist yet. */
    public static PrivatePostgres start(Path dir) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed (no initdb/pg_ctl under /usr/lib/postgresql/*/bin): apt-get install postgresql"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            PrivatePostgres server = new PrivatePostgres(bin, dir, freePort(), root);
            if (!Files.exists(server.data().resolve("PG_VERSION"))) {
                server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data().toString(), "-U", SUPERUSER,
                        "-A", "trust", "-E", "UTF8", "--no-locale"));
            }
            Files.deleteIfExists(server.data().resolve("postmaster.pid")); // a server killed earlier left it behind
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data().toString(),
                    "-l", dir.resolve("server.log").toString(), "-w", "-t", "120",
                    "-o", "-p " + server.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=50"
                            + " -c shared_buffers=256MB -c max_wal_size=2GB",
                    "start"));
            server.running = true;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the private PostgreSQL server", e);
        }
    }

    public Path data() {
        return dir.resolve("data");
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database}, created when missing. */
    public String database(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("database names are lower-case identifiers");
        }
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database, e);
        }
        return url(database);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** Refreshes the planner's statistics (after a bulk load). */
    public void analyze(String database) {
        try (Connection connection = DriverManager.getConnection(url(database));
             Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException("ANALYZE failed", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "120", "stop"));
        } catch (RuntimeException e) {
            System.err.println("PrivatePostgres: stop failed: " + e.getMessage());
        }
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("command failed: " + String.join(" ", command) + "\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
