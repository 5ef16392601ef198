package dev.shomei.record.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * SQLite's writes, committed in groups. SQLite has one writer, and every commit syncs the log to
 * disk ({@code synchronous=FULL}). Writes queue here; one thread takes every write queued so far, runs
 * each in a savepoint of one {@code BEGIN IMMEDIATE} transaction, commits once, and only then answers
 * each caller: no write is acknowledged before it is durable. A write that fails is rolled back to its
 * savepoint, and only its caller sees the error; the others in its group still commit.
 *
 * <p>Why not the one-connection pool every write used to take turns on: under the load generator's
 * 32 kiosks, writes waited p50 8.9 ms and p99 92 ms for that connection while holding it p99 6 ms
 * (docs/benchmarks.md, "Group commit"): each write paid its own sync, and each hand-over of the
 * connection waited for the next writer's thread to be scheduled on two busy cores.
 *
 * <p>A {@linkplain Database#bulkWrite bulk write} (an import's chunk, a municipality's copy) runs in a
 * group of its own, so that a kiosk's write never waits for its commit.
 */
final class SqliteGroupCommit implements AutoCloseable {
    /** Enough for every kiosk request in flight at once; bounds what one failed commit takes down with it. */
    private static final int MAX_GROUP = 64;
    private static final Pending<Void> CLOSING = new Pending<>(tx -> null, false);

    private final HikariDataSource writer;
    private final DatabaseObserver observer;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    SqliteGroupCommit(HikariDataSource writer, DatabaseObserver observer) {
        this.writer = writer;
        this.observer = observer;
        this.thread = Thread.ofPlatform().name(writer.getPoolName()).daemon().start(this::commitQueuedWrites);
    }

    /** Runs {@code work} in the next group; returns once its group has committed. */
    <T> T write(TxWork<T> work, boolean alone) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a write inside a write would wait for itself");
        }
        refuseWhenClosed();
        Pending<T> pending = new Pending<>(work, alone);
        queue.add(pending);
        if (closed) {
            // close() may have failed what was queued before this write arrived
            pending.fail(new DatabaseException("the database is closed", null));
        }
        return pending.await();
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw new DatabaseException("the database is closed", null);
        }
    }

    private void commitQueuedWrites() {
        List<Pending<?>> group = new ArrayList<>();
        while (true) {
            Pending<?> first = takeUninterruptibly();
            if (first == CLOSING) {
                return;
            }
            group.add(first);
            while (!first.alone && group.size() < MAX_GROUP && queue.peek() != null && !queue.peek().alone
                    && queue.peek() != CLOSING) {
                group.add(queue.poll()); // the only consumer: what peek saw is what poll takes
            }
            long began = System.nanoTime();
            for (Pending<?> pending : group) {
                observer.writeQueued(Duration.ofNanos(began - pending.queuedAt));
            }
            try {
                Database.withRetries(Engine.SQLITE, () -> {
                    commit(group);
                    return null;
                });
            } catch (RuntimeException | Error e) {
                group.forEach(pending -> pending.fail(e));
            }
            group.clear();
        }
    }

    /** Runs the group in one transaction; on a failure of the transaction itself, throws and answers nobody. */
    private void commit(List<Pending<?>> group) throws SQLException {
        try (Connection connection = writer.getConnection(); Statement control = connection.createStatement()) {
            control.execute("BEGIN IMMEDIATE");
            try {
                for (Pending<?> pending : group) {
                    pending.runInSavepoint(connection, control);
                }
                control.execute("COMMIT");
            } catch (SQLException | RuntimeException | Error e) {
                Database.rollbackQuietly(control);
                throw e;
            }
        }
        group.forEach(Pending::answer);
        observer.groupCommitted(group.size());
    }

    private Pending<?> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() ends this thread, through CLOSING: an interrupt must not strand queued writes
            }
        }
    }

    /** Lets the writes queued so far commit, then fails any that come later. */
    @Override
    public void close() {
        closed = true;
        queue.add(CLOSING);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending<?> late; (late = queue.poll()) != null; ) {
            late.fail(new DatabaseException("the database is closed", null));
        }
    }

    /** One caller's write: its work, and what the caller is answered once the group has committed. */
    private static final class Pending<T> {
        private final TxWork<T> work;
        private final boolean alone;
        private final long queuedAt = System.nanoTime();
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private T result;
        private Throwable failure;

        Pending(TxWork<T> work, boolean alone) {
            this.work = work;
            this.alone = alone;
        }

        /**
         * Runs the work; a failure of its own is rolled back to its savepoint and kept for its caller. A
         * transient failure (the engine asks for a retry) ends the whole group's transaction instead.
         */
        void runInSavepoint(Connection connection, Statement control) throws SQLException {
            result = null;
            failure = null;
            control.execute("SAVEPOINT write");
            try {
                result = work.run(new Tx(connection, Engine.SQLITE, false));
            } catch (SQLException e) {
                if (Engine.SQLITE.isTransient(e)) {
                    throw e;
                }
                failure = Database.failure(Engine.SQLITE, e);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            if (failure != null) {
                control.execute("ROLLBACK TO write");
            }
            control.execute("RELEASE write");
        }

        void answer() {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        }

        void fail(Throwable e) {
            answer.completeExceptionally(e);
        }

        T await() {
            try {
                return answer.join(); // not interruptible: the caller always learns whether its write committed
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
