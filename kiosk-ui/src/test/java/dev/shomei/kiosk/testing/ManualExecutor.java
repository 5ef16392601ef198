package dev.shomei.kiosk.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, so a test can look at the screen while work is pending. */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.addLast(task);
    }

    /** Runs queued tasks (and tasks they queue) until none is left. */
    public void runAll() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = tasks.pollFirst();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Runs the oldest queued task. */
    public void runNext() {
        Runnable next;
        synchronized (this) {
            next = tasks.pollFirst();
        }
        if (next == null) {
            throw new IllegalStateException("no task queued");
        }
        next.run();
    }

    public synchronized int pending() {
        return tasks.size();
    }
}
