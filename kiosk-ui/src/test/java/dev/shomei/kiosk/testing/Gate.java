package dev.shomei.kiosk.testing;

import java.util.concurrent.TimeUnit;

/** Holds a fake's work until the test opens it, so a "please wait" screen can be looked at. */
public final class Gate {
    private boolean open = true;

    public synchronized void close() {
        open = false;
    }

    public synchronized void open() {
        open = true;
        notifyAll();
    }

    /** Waits (at most a minute) until the gate is open. */
    public synchronized void pass() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!open) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new IllegalStateException("gate never opened");
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate", e);
            }
        }
    }
}
