package dev.shomei.record.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Copies SQLite's write-ahead log into the database file from a background thread, every
 * {@link #EVERY}, with a passive checkpoint (it never waits for readers or the writer).
 *
 * <p>Why: left to SQLite, the connection whose commit pushes the log past 1,000 pages runs the
 * checkpoint inside that commit — writing and syncing the database file while a kiosk waits — which
 * made the slowest issuances several times slower than the rest. The writer connections keep an
 * automatic checkpoint only as a safety net far above what this thread lets the log reach. Each
 * commit is still synced to the log before it returns: durability does not change.
 */
final class SqliteCheckpointer implements AutoCloseable {
    static final Duration EVERY = Duration.ofMillis(500);
    /** Pages of log after which a commit checkpoints itself anyway (if this thread fell far behind). */
    static final int SAFETY_NET_PAGES = 20_000;
    private static final System.Logger LOG = System.getLogger(SqliteCheckpointer.class.getName());

    private final Connection connection;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name("sqlite-checkpoint").daemon().unstarted(runnable));

    SqliteCheckpointer(DataSource database) throws SQLException {
        this.connection = database.getConnection();
        thread.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkpoint() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            // e.g. a full disk: the log keeps the data; the next round tries again
            LOG.log(Level.DEBUG, "background checkpoint failed: {0}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.log(Level.DEBUG, "closing the checkpoint connection failed: {0}", e.getClass().getSimpleName());
        }
    }
}
