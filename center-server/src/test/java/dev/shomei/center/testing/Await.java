package dev.shomei.center.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or the wait is over: tests wait for a state, never for a fixed time. */
public final class Await {
    private Await() {
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code wait}. */
    public static boolean until(Duration wait, BooleanSupplier condition) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
