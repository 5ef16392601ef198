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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * SQLite's writes, committed in groups. SQLite has one writer, and every commit syncs the log to
 * disk ({@code synchronous=FULL}). Writes queue for a writer thread of their own, which takes every
 * write queued so far, runs each in a savepoint of one {@code BEGIN IMMEDIATE} transaction, commits
 * once, and only then answers each caller: no write is acknowledged before it is durable. A write
 * that fails is rolled back to its savepoint, and only its caller sees the error; the others in its
 * group still commit. A platform thread's write that finds nobody writing and nothing queued (a
 * command, an import, a benchmark) commits on its own thread instead, as a transaction of its own.
 *
 * <p>Why not the one-connection pool every write used to take turns on: under the load generator's
 * 32 kiosks, writes waited p50 8.9 ms and p99 92 ms for that connection while holding it p99 6 ms
 * (docs/benchmarks.md, "Group commit"): each write paid its own sync, and each hand-over of the
 * connection waited for the next writer's thread to be scheduled on two busy cores. Why a thread of
 * its own: the server's requests run on virtual threads, and a commit's sync is a native call that
 * holds its virtual thread's carrier, one of two; committed by the requests themselves (each taking
 * the lead in turn), the backend's issue p50 was 4.7 ms instead of 2.6-3.4 (same page). Why a
 * platform thread's lone write does not go through it: the hand-over there and back doubled a single
 * caller's p99 ({@code BackendIssueBench}).
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
    /** Held by whoever runs a transaction: the writer thread, or a platform thread's lone write. Fair: a waiting group goes first. */
    private final Semaphore writing = new Semaphore(1, true);
    private volatile Thread writingThread;
    private volatile boolean closed;

    SqliteGroupCommit(HikariDataSource writer, DatabaseObserver observer) {
        this.writer = writer;
        this.observer = observer;
        this.thread = Thread.ofPlatform().name(writer.getPoolName()).daemon().start(this::commitQueuedWrites);
    }

    /** Runs {@code work} alone or in the next group; returns once it has committed. */
    <T> T write(TxWork<T> work, boolean alone) {
        if (Thread.currentThread() == writingThread) {
            throw new IllegalStateException("a write inside a write would wait for itself");
        }
        refuseWhenClosed();
        Pending<T> pending = new Pending<>(work, alone);
        if (!Thread.currentThread().isVirtual() && queue.isEmpty() && takeTurnIfFree()) {
            try {
                writingThread = Thread.currentThread();
                commitWithRetries(List.of(pending));
            } finally {
                writingThread = null;
                writing.release();
            }
            return pending.await();
        }
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // close() has begun and nobody has taken this write yet: it is refused here (whoever takes a write answers it)
            pending.fail(closedError());
        }
        return pending.await();
    }

    /** Whether this caller may write now: nobody writes, and no group waits (the semaphore's fairness). */
    private boolean takeTurnIfFree() {
        try {
            return writing.tryAcquire(0, TimeUnit.NANOSECONDS); // unlike tryAcquire(), honours the queue of waiters
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false; // queue instead: the answer still comes
        }
    }

    private void refuseWhenClosed() {
        if (closed) {
            throw closedError();
        }
    }

    private static DatabaseException closedError() {
        return new DatabaseException("the database is closed", null);
    }

    private void commitQueuedWrites() {
        List<Pending<?>> group = new ArrayList<>();
        while (true) {
            Pending<?> first = takeUninterruptibly();
            if (first == CLOSING) {
                return;
            }
            group.add(first);
            writing.acquireUninterruptibly();
            try {
                writingThread = thread;
                while (!first.alone && group.size() < MAX_GROUP && queue.peek() != null && !queue.peek().alone
                        && queue.peek() != CLOSING) {
                    group.add(queue.poll()); // the only consumer: what peek saw is what poll takes
                }
                commitWithRetries(group);
            } finally {
                writingThread = null;
                writing.release();
            }
            group.clear();
        }
    }

    /** Commits the group, again on a transient failure; every write in it is answered either way. */
    private void commitWithRetries(List<Pending<?>> group) {
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
        observer.groupCommitted(group.size());
        group.forEach(Pending::answer);
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
            late.fail(closedError());
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
