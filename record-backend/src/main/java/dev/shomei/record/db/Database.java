package dev.shomei.record.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The record store's connection pools and transactions, for either engine.
 *
 * <p>SQLite allows one writer at a time: writes go through a pool of exactly one connection whose
 * transactions start with {@code BEGIN IMMEDIATE} (so they queue, up to the busy timeout, instead of
 * failing half-way; other processes queue the same way); this process's writes queue in
 * {@link SqliteGroupCommit}, which commits those that queued together in one transaction. Reads go
 * through a separate pool (WAL lets them run beside the writer). PostgreSQL uses one pool for both,
 * and optionally a second one on a read replica for work that tolerates replication lag.
 *
 * <p>Transactions that fail with a transient error (busy, deadlock, serialization) run again, up to
 * {@value #ATTEMPTS} times; a {@link TxWork} must therefore keep its state in the database.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int ATTEMPTS = 5;
    private static final int SQLITE_BUSY_TIMEOUT_MS = 15_000;
    private static final int SQLITE_READERS = 4;
    private static final Duration SQLITE_FIRST_CONNECTION = Duration.ofSeconds(5);
    private static final int POSTGRESQL_POOL = 16;

    private final Engine engine;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final HikariDataSource replica;
    private final SqliteCheckpointer checkpointer;
    private final Path sqliteFile;
    private final DatabaseObserver.Current observer;
    private final SqliteGroupCommit groupCommit;

    private Database(Engine engine, HikariDataSource writer, HikariDataSource reader, HikariDataSource replica,
            SqliteCheckpointer checkpointer, Path sqliteFile, DatabaseObserver.Current observer) {
        this.engine = engine;
        this.observer = observer;
        this.groupCommit = engine == Engine.SQLITE ? new SqliteGroupCommit(writer, observer) : null;
        this.sqliteFile = sqliteFile;
        this.writer = writer;
        this.reader = reader;
        this.replica = replica;
        this.checkpointer = checkpointer;
    }

    /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null);
    }

    /**
     * Opens the database, with an optional PostgreSQL read replica ({@code null} for none) that
     * {@link #readReplica} uses.
     */
    public static Database open(String jdbcUrl, String replicaUrl) {
        Engine engine = Engine.ofUrl(jdbcUrl);
        DatabaseObserver.Current observer = new DatabaseObserver.Current();
        Database database = switch (engine) {
            case SQLITE -> {
                if (replicaUrl != null) {
                    throw new IllegalArgumentException("a read replica needs PostgreSQL");
                }
                Path file = sqliteFile(jdbcUrl);
                HikariDataSource writer = sqlitePool(file, "shomei-sqlite-writer", 1, observer);
                restrict(file, "rw-------"); // ciphertext only, still nobody else's business
                HikariDataSource reader = sqlitePool(file, "shomei-sqlite-reader", SQLITE_READERS, observer);
                yield new Database(engine, writer, reader, reader, checkpointer(file, writer, reader), file, observer);
            }
            case POSTGRESQL -> {
                HikariDataSource primary = postgresqlPool(jdbcUrl, "shomei-postgresql", observer);
                HikariDataSource replica = replicaUrl == null ? primary : postgresqlPool(replicaUrl, "shomei-replica", observer);
                yield new Database(engine, primary, primary, replica, null, null, observer);
            }
        };
        try {
            SchemaMigrations.migrate(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The default embedded database: {@code <state>/backend/records.db}. */
    public static String defaultUrl(Path stateDir) {
        return "jdbc:sqlite:" + stateDir.resolve("backend").resolve("records.db").toAbsolutePath();
    }

    /**
     * Where Flyway migrates. PostgreSQL: the primary's pool. SQLite: connections of their own (Flyway
     * holds one connection throughout, and the writer pool has only one), whose transactions start
     * with {@code BEGIN IMMEDIATE} like every other write here, so that processes starting at once
     * take turns (Flyway has no lock of its own on SQLite).
     */
    javax.sql.DataSource migrationDataSource() {
        if (engine == Engine.POSTGRESQL) {
            return writer;
        }
        SQLiteConfig config = sqliteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return withUrl(config, sqliteFile);
    }

    public Engine engine() {
        return engine;
    }

    /** The names of the connection pools, as {@link DatabaseObserver} hears them. */
    public List<String> poolNames() {
        return Stream.of(writer, reader, replica).map(HikariDataSource::getPoolName).distinct().toList();
    }

    /** Tells {@code observer} from now on what the connection pools and SQLite's writer queue cost ({@code null}: nobody). */
    public void observeWith(DatabaseObserver observer) {
        this.observer.set(observer);
    }

    /**
     * Runs {@code work} in a read-write transaction on the primary; returns once it is durable. On
     * SQLite several writes may share one transaction ({@link SqliteGroupCommit}), each in a
     * savepoint of its own: one that fails changes nothing, and a write must not start another write.
     */
    public <T> T write(TxWork<T> work) {
        return groupCommit != null ? groupCommit.write(work, false) : inTransaction(writer, work, false);
    }

    /**
     * Like {@link #write}, for a transaction that adds many rows to a table (an import, a generated
     * data set, a municipality's copy, the sealing of old doses). On PostgreSQL its statements are
     * planned again at each execution: the generic plan a connection cached while a table was still
     * small or empty (a sequential scan) would otherwise stay in use as the transaction grows it. On
     * SQLite it commits alone, never in a group with other writes.
     */
    public <T> T bulkWrite(TxWork<T> work) {
        if (groupCommit != null) {
            return groupCommit.write(work, true); // alone: kiosks' writes do not wait for its commit
        }
        return inTransaction(writer, tx -> {
            tx.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return work.run(tx);
        }, false);
    }

    /**
     * Runs {@code work} as a read that sees everything committed before it: on SQLite one transaction
     * (one snapshot), on PostgreSQL each statement on its own (see {@link #readInAutoCommit}). Its
     * {@link Tx} refuses writes.
     */
    public <T> T read(TxWork<T> work) {
        return inTransaction(reader, work, true);
    }

    /** Like {@link #read}, but may run on a replica and see slightly old data: reports, lookups. */
    public <T> T readReplica(TxWork<T> work) {
        return inTransaction(replica, work, true);
    }

    /**
     * Gives freed space back so that no free page keeps deleted data: SQLite rebuilds the file
     * ({@code VACUUM}) and truncates its log; PostgreSQL has unlinked a dropped table's files already.
     * Runs outside any transaction; for one-off steps at start, not while serving.
     */
    public void compact() {
        if (engine != Engine.SQLITE) {
            return;
        }
        try (Connection connection = writer.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new DatabaseException("cannot compact the database (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private <T> T inTransaction(HikariDataSource pool, TxWork<T> work, boolean readOnly) {
        return withRetries(engine, () -> {
            try (Connection connection = pool.getConnection()) {
                if (readOnly && engine == Engine.POSTGRESQL) {
                    return readInAutoCommit(connection, work);
                }
                begin(connection);
                try {
                    T result = work.run(new Tx(connection, engine, readOnly));
                    commit(connection);
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            }
        });
    }

    /** One try at a transaction. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code attempt} again while it fails with a transient error, up to {@value #ATTEMPTS} times;
     * a lasting failure comes out as {@link UniqueViolationException} or {@link DatabaseException}.
     */
    static <T> T withRetries(Engine engine, Attempt<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (engine.isTransient(e) && !engine.isUniqueViolation(e) && n < ATTEMPTS) {
                    LOG.log(Level.DEBUG, "transient database failure, attempt {0}; retrying", n);
                    pause(n);
                    continue;
                }
                throw failure(engine, e);
            }
        }
    }

    /** What a caller sees of a lasting SQL failure: nothing of the statement, only its SQLState. */
    static RuntimeException failure(Engine engine, SQLException e) {
        if (engine.isUniqueViolation(e)) {
            return new UniqueViolationException(e);
        }
        return new DatabaseException("database operation failed (SQLState " + e.getSQLState() + ")", e);
    }

    /**
     * A PostgreSQL read runs its statements in auto-commit mode: at READ COMMITTED each statement sees
     * what was committed before it whether or not a transaction wraps them, so a {@code BEGIN READ ONLY}
     * … {@code COMMIT} bought no consistency, only a round trip more (the {@code COMMIT}; 0.19 ms on a
     * loopback, docs/benchmarks.md). {@link Tx} refuses writes in a read instead, on both engines.
     * Switching auto-commit on and off again sends nothing while no transaction is open.
     */
    private <T> T readInAutoCommit(Connection connection, TxWork<T> work) throws SQLException {
        connection.setAutoCommit(true);
        try {
            return work.run(new Tx(connection, engine, true));
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /**
     * SQLite connections stay in auto-commit mode and transactions are explicit statements: the
     * driver would otherwise open the next transaction right after each commit, and an idle pooled
     * writer would hold the database's write lock against every other process.
     */
    private void begin(Connection connection) throws SQLException {
        if (engine == Engine.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN DEFERRED"); // only reads come here: SQLite's writes begin in SqliteGroupCommit
            }
        }
    }

    private void commit(Connection connection) throws SQLException {
        if (engine == Engine.SQLITE) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("COMMIT");
            }
        } else {
            connection.commit();
        }
    }

    private void rollbackQuietly(Connection connection) {
        if (engine == Engine.SQLITE) {
            // only called after BEGIN succeeded
            try (Statement statement = connection.createStatement()) {
                rollbackQuietly(statement);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "rollback failed (SQLState " + e.getSQLState() + ")");
            }
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback failed (SQLState " + e.getSQLState() + ")");
        }
    }

    /** Ends a SQLite transaction that {@code statement}'s connection began with {@code BEGIN}, keeping nothing. */
    static void rollbackQuietly(Statement statement) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "rollback failed (SQLState " + e.getSQLState() + ")");
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while retrying", e);
        }
    }

    private static SqliteCheckpointer checkpointer(Path file, HikariDataSource writer, HikariDataSource reader) {
        try {
            // its connection's pragmas can meet the same passing SQLITE_BUSY as a pool's (sqlitePool)
            return withRetries(Engine.SQLITE, () -> new SqliteCheckpointer(withUrl(sqliteConfig(), file)));
        } catch (RuntimeException e) {
            writer.close();
            reader.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (replica != reader) {
            replica.close();
        }
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }

    private static Path sqliteFile(String jdbcUrl) {
        String location = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = location.indexOf('?');
        if (query >= 0) {
            location = location.substring(0, query);
        }
        if (location.isBlank() || location.contains(":memory:")) {
            throw new IllegalArgumentException("the SQLite database must be a file");
        }
        Path file = Path.of(location).toAbsolutePath();
        try {
            if (!Files.exists(file.getParent())) {
                Files.createDirectories(file.getParent());
                restrict(file.getParent(), "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory", e);
        }
        return file;
    }

    private static void restrict(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.DEBUG, "cannot restrict permissions of {0}", path.getFileName());
        }
    }

    private static SQLiteConfig sqliteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed issuance survives a power cut, not only a killed process
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // checkpoints run on SqliteCheckpointer's thread, not inside a kiosk's commit
        config.setWalAutocheckpoint(SqliteCheckpointer.SAFETY_NET_PAGES);
        return config;
    }

    private static SQLiteDataSource withUrl(SQLiteConfig config, Path file) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    private static HikariDataSource sqlitePool(Path file, String name, int size, DatabaseObserver.Current observer) {
        SQLiteDataSource dataSource = withUrl(sqliteConfig(), file);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setMetricsTrackerFactory(observer);
        pool.setDataSource(dataSource);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true); // transactions are explicit BEGIN/COMMIT statements, see begin()
        pool.setConnectionTimeout(Duration.ofSeconds(60).toMillis());
        // A new connection's pragmas can meet SQLITE_BUSY at once, busy timeout or not, while another
        // process opens or closes the same file (processes starting at once on a new database: seen in
        // CI, SchemaMigrationsContract.processesStartingAtOnceMigrateOnce). The pool's first connection
        // is tried again for a while, as every later one already is, instead of failing the start.
        pool.setInitializationFailTimeout(SQLITE_FIRST_CONNECTION.toMillis());
        return new HikariDataSource(pool);
    }

    private static HikariDataSource postgresqlPool(String jdbcUrl, String name, DatabaseObserver.Current observer) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(name);
        pool.setMetricsTrackerFactory(observer);
        pool.setJdbcUrl(jdbcUrl);
        String user = System.getenv("SHOMEI_DB_USER");
        String password = System.getenv("SHOMEI_DB_PASSWORD");
        if (user != null) {
            pool.setUsername(user);
        }
        if (password != null) {
            pool.setPassword(password);
        }
        pool.setMaximumPoolSize(POSTGRESQL_POOL);
        pool.setAutoCommit(false);
        // Plan each prepared statement once per connection: planning every execution with its
        // parameters took ~40 % of the server's CPU on the issue path (perf, 1,000,000 residents;
        // the hash-partitioned tables made PostgreSQL's automatic mode keep custom plans). Bulk
        // transactions plan each execution again (bulkWrite). A startup option, not init SQL: init
        // SQL would leave a transaction open on the new connection.
        pool.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        pool.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
        pool.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        return new HikariDataSource(pool);
    }
}
