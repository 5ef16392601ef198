package dev.shomei.record.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's writes committed in groups ({@link SqliteGroupCommit}), through {@link Database}: a
 * platform thread's lone write commits on its own thread, a virtual thread's on the writer's, writes queued behind a running one share the next commit,
 * each keeps its own outcome, and a bulk write commits alone.
 */
class SqliteGroupCommitTest {
    @TempDir
    Path temp;

    private final List<Integer> groups = new CopyOnWriteArrayList<>();
    private final List<Duration> queued = new CopyOnWriteArrayList<>();
    private Database database;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> writers = new ArrayList<>();

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + temp.resolve("records.db"));
        database.write(tx -> {
            tx.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
            return null;
        });
        database.observeWith(new DatabaseObserver() {
            @Override
            public void writeQueued(Duration wait) {
                queued.add(wait);
            }

            @Override
            public void groupCommitted(int writes) {
                groups.add(writes);
            }
        });
    }

    @AfterEach
    void close() throws InterruptedException {
        release.countDown();
        for (Thread writer : writers) {
            writer.join(10_000);
        }
        database.close();
    }

    @Test
    void writesQueuedBehindARunningOneShareTheNextCommitAndEachKeepsItsOutcome() throws Exception {
        CompletableFuture<Integer> blocker = startBlockingWrite(); // holds the writer: what follows queues
        CompletableFuture<Integer> second = writeWhenQueued(() -> insert(2));
        ShomeiException refusal = new ShomeiException(ErrorCode.INVALID_REQUEST, "refused after writing");
        CompletableFuture<Integer> refused = writeWhenQueued(() -> database.write(tx -> {
            tx.update("INSERT INTO note (id, text) VALUES (3, 'rolled back')");
            throw refusal;
        }));
        CompletableFuture<Integer> duplicate = writeWhenQueued(() -> insert(2));
        CompletableFuture<Integer> fourth = writeWhenQueued(() -> insert(4));

        release.countDown();
        assertEquals(1, blocker.get(10, TimeUnit.SECONDS));
        assertEquals(1, second.get(10, TimeUnit.SECONDS));
        assertEquals(1, fourth.get(10, TimeUnit.SECONDS));
        assertSame(refusal, cause(refused), "the work's own exception reaches its caller");
        assertInstanceOf(UniqueViolationException.class, cause(duplicate));

        assertEquals(List.of(1, 4), groups, "the four queued writes committed together");
        assertEquals(5, queued.size());
        assertEquals(List.of(1L, 2L, 4L), ids(), "the refused write's row is gone, the others' are kept");
    }

    @Test
    void aBulkWriteCommitsInAGroupOfItsOwn() throws Exception {
        CompletableFuture<Integer> blocker = startBlockingWrite();
        List<CompletableFuture<Integer>> writes = new ArrayList<>();
        writes.add(writeWhenQueued(() -> insert(2)));
        writes.add(writeWhenQueued(() -> insert(3)));
        writes.add(writeWhenQueued(() -> database.bulkWrite(tx -> tx.update("INSERT INTO note (id, text) VALUES (4, 'bulk')"))));
        writes.add(writeWhenQueued(() -> insert(5)));

        release.countDown();
        blocker.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> write : writes) {
            assertEquals(1, write.get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(1, 2, 1, 1), groups);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids());
    }

    @Test
    void aPlatformThreadsLoneWriteCommitsOnItsOwnThreadAVirtualThreadsOnTheWriters() throws Exception {
        assertSame(Thread.currentThread(), database.write(tx -> Thread.currentThread()), "no hand-over for a lone write");
        CompletableFuture<String> committedOn = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> committedOn.complete(database.write(tx -> Thread.currentThread().getName())));
        assertEquals("shomei-sqlite-writer", committedOn.get(10, TimeUnit.SECONDS),
                "a commit's sync must not hold one of the few carriers of virtual threads");
        assertEquals(List.of(1, 1), groups);
    }

    @Test
    void aWriteInsideAWriteIsRefusedInsteadOfWaitingForItself() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> database.write(tx -> database.write(inner -> 1)));
        assertTrue(refused.getMessage().contains("inside a write"), refused.getMessage());
        assertEquals(1, insert(7), "the writer still serves after the refusal");
    }

    @Test
    void aWriteAfterCloseIsRefused() {
        database.close();
        DatabaseException refused = assertThrows(DatabaseException.class, () -> insert(1));
        assertEquals(ErrorCode.BACKEND_UNAVAILABLE, refused.code());
    }

    private int insert(long id) {
        return database.write(tx -> tx.update("INSERT INTO note (id, text) VALUES (?, 'x')", id));
    }

    private List<Long> ids() {
        return database.read(tx -> tx.query("SELECT id FROM note ORDER BY id", rows -> rows.getLong(1)));
    }

    /**
     * Starts {@code write} on a thread of its own and returns once that thread waits for its answer:
     * its write is queued, so writes started one after another queue in that order.
     */
    private CompletableFuture<Integer> writeWhenQueued(java.util.concurrent.Callable<Integer> write) throws InterruptedException {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                answer.complete(write.call());
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        writers.add(writer);
        while (writer.getState() != Thread.State.WAITING && writer.getState() != Thread.State.TERMINATED) {
            Thread.sleep(1);
        }
        return answer;
    }

    /**
     * Starts a write of row 1 that waits inside its transaction until {@link #release}; returns once it
     * runs (nothing was queued, so on the thread started here).
     */
    private CompletableFuture<Integer> startBlockingWrite() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        writers.add(Thread.ofPlatform().start(() -> {
            try {
                answer.complete(database.write(tx -> {
                    running.countDown();
                    awaitRelease();
                    return tx.update("INSERT INTO note (id, text) VALUES (1, 'first')");
                }));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        return answer;
    }

    private void awaitRelease() {
        try {
            assertTrue(release.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable cause(CompletableFuture<?> future) {
        return assertThrows(java.util.concurrent.ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS)).getCause();
    }
}
