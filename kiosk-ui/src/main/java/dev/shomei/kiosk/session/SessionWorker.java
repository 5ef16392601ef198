package dev.shomei.kiosk.session;

import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs the session's slow work (card, center, printer) on the worker thread and hands the result
 * back under the session's lock — but only while it is still wanted. Work belongs to a session,
 * and screen-bound work to the screen it started on; a result that comes back after its session
 * ended (or its screen was left) goes to the work's stale handler instead, which wipes it and
 * voids an issuance nobody will print.
 *
 * <p>Not thread-safe on its own: {@link #submit}, {@link #sessionChanged()} and
 * {@link #screenChanged()} are called under the session's lock, the same lock the results are
 * handed back under.
 */
final class SessionWorker {
    private static final System.Logger LOG = System.getLogger(SessionWorker.class.getName());

    /** How long a result stays wanted. */
    enum Scope {
        /** Until the screen it started on is left (most work). */
        SCREEN,
        /** Until the session ends (the municipality list, fetched across screens). */
        SESSION
    }

    /**
     * One piece of work and what to do with its outcome (each handler runs under the lock).
     *
     * @param onStale gets the result (null after a failure) when nobody wants it any more; may be null
     */
    record Job<T>(Callable<T> work, Scope scope, Consumer<T> onResult, Consumer<ShomeiException> onFailure,
                  Consumer<T> onStale) {
        Job {
            Objects.requireNonNull(work, "work");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(onResult, "onResult");
            Objects.requireNonNull(onFailure, "onFailure");
        }
    }

    private final Executor executor;
    private final Object lock;
    private final Consumer<ErrorCode> onCrash;
    /** Changes whenever a session starts or ends: results of work for an ended session are stale. */
    private long session;
    /** Changes on every screen change: results of screen-bound work for a screen that was left are stale. */
    private long screen;

    /**
     * @param lock    the session's lock: results are handed back holding it
     * @param onCrash ends the session when a handler itself fails (with INTERNAL, or the code it threw)
     */
    SessionWorker(Executor executor, Object lock, Consumer<ErrorCode> onCrash) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.onCrash = Objects.requireNonNull(onCrash, "onCrash");
    }

    void sessionChanged() {
        session++;
    }

    void screenChanged() {
        screen++;
    }

    /** Starts {@code job} on the worker; {@code at} names the screen for the log. */
    <T> void submit(SessionState at, Job<T> job) {
        long sessionAtStart = session;
        long screenAtStart = screen;
        executor.execute(() -> {
            T result = null;
            ShomeiException failure = null;
            try {
                result = job.work().call();
            } catch (ShomeiException e) {
                failure = e;
            } catch (Exception e) {
                // the class only: a message could carry anything
                LOG.log(Level.ERROR, "unexpected failure at {0}: {1}", at, e.getClass().getName());
                failure = new ShomeiException(ErrorCode.INTERNAL, "unexpected failure at " + at);
            }
            synchronized (lock) {
                boolean wanted = sessionAtStart == session
                        && (job.scope() == Scope.SESSION || screenAtStart == screen);
                if (!wanted) {
                    if (job.onStale() != null) {
                        job.onStale().accept(result);
                    }
                    return;
                }
                try {
                    if (failure != null) {
                        job.onFailure().accept(failure);
                    } else {
                        job.onResult().accept(result);
                    }
                } catch (ShomeiException e) {
                    onCrash.accept(e.code());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "session failed after {0}: {1}", at, e.getClass().getName());
                    onCrash.accept(ErrorCode.INTERNAL);
                }
            }
        });
    }
}
