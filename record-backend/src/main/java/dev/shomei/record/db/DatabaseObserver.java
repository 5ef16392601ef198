package dev.shomei.record.db;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.time.Duration;

/**
 * Hears what the database's queues cost: how long work waited for a pooled connection and held it,
 * per pool ({@code shomei-sqlite-writer}, {@code shomei-sqlite-reader}, {@code shomei-postgresql},
 * {@code shomei-replica}), and on SQLite how long each write queued for the one writer and how many
 * writes each commit carried ({@link SqliteGroupCommit}). These tell contention for the writer apart
 * from slow transactions (docs/benchmarks.md, "Where the tail is now"). Every method does nothing
 * unless overridden.
 */
public interface DatabaseObserver {
    DatabaseObserver NONE = new DatabaseObserver() {
    };

    /** A connection was handed out after {@code wait}. */
    default void connectionWaited(String pool, Duration wait) {
    }

    /** A connection came back after being in use for {@code held} (HikariCP measures it in whole milliseconds). */
    default void connectionHeld(String pool, Duration held) {
    }

    /** A SQLite write waited {@code queued} for the writer before its group's transaction began. */
    default void writeQueued(Duration queued) {
    }

    /** One SQLite commit made {@code writes} writes durable. */
    default void groupCommitted(int writes) {
    }

    /**
     * Whatever observer is current, and the pools' HikariCP hook: set on every pool when it is built,
     * it passes each measurement on, so the observer can change after the pools have started
     * (HikariCP accepts a tracker factory only once per pool) — a backend restarted on the same
     * database gets a new metrics registry. An observer that throws is logged, never let into a
     * transaction's outcome or the writer's thread.
     */
    final class Current implements MetricsTrackerFactory, DatabaseObserver {
        private static final System.Logger LOG = System.getLogger(DatabaseObserver.class.getName());
        private volatile DatabaseObserver observer = NONE;

        void set(DatabaseObserver observer) {
            this.observer = observer == null ? NONE : observer;
        }

        @Override
        public void connectionWaited(String pool, Duration wait) {
            tell(() -> observer.connectionWaited(pool, wait));
        }

        @Override
        public void connectionHeld(String pool, Duration held) {
            tell(() -> observer.connectionHeld(pool, held));
        }

        @Override
        public void writeQueued(Duration queued) {
            tell(() -> observer.writeQueued(queued));
        }

        @Override
        public void groupCommitted(int writes) {
            tell(() -> observer.groupCommitted(writes));
        }

        private static void tell(Runnable measurement) {
            try {
                measurement.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the database observer failed: " + e);
            }
        }

        @Override
        public IMetricsTracker create(String pool, PoolStats stats) {
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long nanos) {
                    connectionWaited(pool, Duration.ofNanos(nanos));
                }

                @Override
                public void recordConnectionUsageMillis(long millis) {
                    connectionHeld(pool, Duration.ofMillis(millis));
                }
            };
        }
    }
}
