package dev.shomei.record.testing;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: {@code initdb} into a temporary directory, {@code pg_ctl
 * start} on 127.0.0.1 with a free port, stopped and deleted when the JVM exits. One server per test
 * JVM, one fresh database per test class. initdb refuses to run as root, so as root the server runs
 * as the {@code postgres} user (via {@code runuser}).
 *
 * <p>Missing PostgreSQL binaries: {@link #shared()} is empty, so tests skip — unless {@code CI=true}
 * (property or environment), where it throws and the test fails.
 */
public final class PostgresServer {
    private static final String SUPERUSER = "shomei";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer shared;
    private static boolean unavailable;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getProperty("CI")) || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The server of this JVM, started on first use; empty when PostgreSQL is not installed (and not in CI). */
    public static synchronized Optional<PostgresServer> shared() {
        if (shared != null) {
            return Optional.of(shared);
        }
        if (unavailable) {
            return Optional.empty();
        }
        Optional<Path> bin = findBinaries();
        if (bin.isEmpty()) {
            unavailable = true;
            if (ci()) {
                throw new IllegalStateException("PostgreSQL is not installed (initdb/pg_ctl not found under "
                        + "/usr/lib/postgresql/*/bin) but CI=true: install the Debian package postgresql");
            }
            return Optional.empty();
        }
        try {
            shared = start(bin.get());
        } catch (RuntimeException e) {
            unavailable = true;
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-test-server-stop"));
        return Optional.of(shared);
    }

    /**
     * A fresh database on the shared server; the calling test is skipped (not failed) when PostgreSQL
     * is not installed outside CI, and fails in CI ({@link #shared}).
     */
    public static String databaseOrSkip(String prefix) {
        PostgresServer server = shared().orElse(null);
        Assumptions.assumeTrue(server != null, "PostgreSQL is not installed (apt-get install postgresql); skipped outside CI");
        return server.createDatabase(prefix);
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public Path dataDirectory() {
        return data;
    }

    /** The directory below {@code base/} that holds one database's tables and indexes. */
    public Path databaseDirectory(String database) {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             var statement = connection.prepareStatement("SELECT oid FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (var rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalArgumentException("no database " + database);
                }
                return data.resolve("base").resolve(String.valueOf(rows.getLong(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the database's directory", e);
        }
    }

    /** {@code pg_dump} of one database (plain SQL), as bytes. */
    public byte[] dump(String database) {
        Path out = dir.resolve("dump-" + database + ".sql");
        run(List.of(bin.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", SUPERUSER,
                "-f", out.toString(), database));
        try {
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // the directory goes when the server stops
            }
        }
    }

    /** Forces every change to the data files (so a scan of the raw files sees what is stored). */
    public void checkpoint() {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("CHECKPOINT failed", e);
        }
    }

    private static Optional<Path> findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("shomei-pg-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, port, root);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", server.data.toString(), "-U", SUPERUSER, "-A", "trust",
                    "-E", "UTF8", "--no-locale", "--no-sync"));
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", server.data.toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                            + "-c max_connections=200", "start"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"));
        } catch (RuntimeException e) {
            System.err.println("PostgresServer: stop failed: " + e.getMessage());
        }
        deleteRecursively(dir);
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
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
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

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort in a shutdown hook
                }
            });
        } catch (IOException ignored) {
            // nothing left to delete
        }
    }
}
