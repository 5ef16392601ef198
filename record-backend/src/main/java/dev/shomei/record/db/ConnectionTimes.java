package dev.shomei.record.db;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.time.Duration;

/**
 * Hears how long work waited for a pooled connection and how long it held one, per pool
 * ({@code shomei-sqlite-writer}, {@code shomei-sqlite-reader}, {@code shomei-postgresql},
 * {@code shomei-replica}). On SQLite the writer pool has one connection, so its wait is the time a
 * write queued behind other writes: what tells contention for the one writer apart from a slow
 * transaction (docs/benchmarks.md, "Where the tail is now").
 */
public interface ConnectionTimes {
    ConnectionTimes NONE = new ConnectionTimes() {
        @Override
        public void waited(String pool, Duration wait) {
        }

        @Override
        public void held(String pool, Duration held) {
        }
    };

    /** A connection was handed out after {@code wait}. */
    void waited(String pool, Duration wait);

    /** A connection came back after being in use for {@code held} (HikariCP measures it in whole milliseconds). */
    void held(String pool, Duration held);

    /**
     * The pools' HikariCP hook: set on every pool when it is built, it passes each measurement to
     * whatever {@link ConnectionTimes} is current, so the listener can change after the pools have
     * started (HikariCP accepts a tracker factory only once per pool) — a backend restarted on the
     * same database gets a new metrics registry.
     */
    final class Forwarder implements MetricsTrackerFactory {
        private volatile ConnectionTimes listener = NONE;

        void listenWith(ConnectionTimes listener) {
            this.listener = listener == null ? NONE : listener;
        }

        @Override
        public IMetricsTracker create(String pool, PoolStats stats) {
            return new IMetricsTracker() {
                @Override
                public void recordConnectionAcquiredNanos(long nanos) {
                    listener.waited(pool, Duration.ofNanos(nanos));
                }

                @Override
                public void recordConnectionUsageMillis(long millis) {
                    listener.held(pool, Duration.ofMillis(millis));
                }
            };
        }
    }
}
