package dev.shomei.center.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shomei.center.issue.RenderedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderQueueTest {

    @Test
    void noMoreRendersRunAtOnceThanItHasThreadsAndEveryCallerGetsItsOwn() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (RenderQueue queue = new RenderQueue((certificate, copies) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            twoStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            running.decrementAndGet();
            return new RenderedCertificate(new byte[] {(byte) copies}, copies);
        }, 2)) {
            List<Thread> callers = new ArrayList<>();
            int[] pages = new int[6];
            for (int i = 0; i < pages.length; i++) {
                int copies = i + 1;
                callers.add(Thread.ofVirtual().start(() -> pages[copies - 1] = queue.render(null, copies).pages()));
            }
            assertTrue(twoStarted.await(10, TimeUnit.SECONDS));
            Thread.sleep(100); // the other four are queued, not running
            assertEquals(2, running.get());
            release.countDown();
            for (Thread caller : callers) {
                caller.join(10_000);
            }
            assertEquals(2, most.get());
            assertEquals(List.of(1, 2, 3, 4, 5, 6), java.util.Arrays.stream(pages).boxed().toList());
        }
    }

    @Test
    void aRenderFailureReachesTheCallerAsItWasThrown() {
        IllegalArgumentException failure = new IllegalArgumentException("layout");
        try (RenderQueue queue = new RenderQueue((certificate, copies) -> {
            throw failure;
        }, 1)) {
            assertSame(failure, assertThrows(IllegalArgumentException.class, () -> queue.render(null, 1)));
        }
    }

    @Test
    void aRenderWhoseCallerStoppedWaitingIsWipedWhenItFinishes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        byte[] pdf = {1, 2, 3, 4};
        try (RenderQueue queue = new RenderQueue((certificate, copies) -> {
            started.countDown();
            while (true) { // a render that does not stop at an interrupt
                try {
                    finish.await();
                    break;
                } catch (InterruptedException ignored) {
                    // keep rendering
                }
            }
            finished.countDown();
            return new RenderedCertificate(pdf, 1);
        }, 1)) {
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    queue.render(null, 1);
                } catch (IllegalStateException expected) {
                    // interrupted
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(10_000);
            assertArrayEquals(new byte[] {1, 2, 3, 4}, pdf, "still rendering");
            finish.countDown();
            assertTrue(finished.await(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pdf[0] != 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertArrayEquals(new byte[4], pdf, "nobody took the PDF: wiped");
        }
    }

    @Test
    void anInterruptedCallerStopsWaitingAndKeepsItsInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try (RenderQueue queue = new RenderQueue((certificate, copies) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new RenderedCertificate(new byte[0], 1);
        }, 1)) {
            AtomicInteger outcome = new AtomicInteger();
            Thread caller = Thread.ofVirtual().start(() -> {
                try {
                    queue.render(null, 1);
                } catch (IllegalStateException e) {
                    outcome.set(Thread.currentThread().isInterrupted() ? 1 : 2);
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            caller.interrupt();
            caller.join(10_000);
            assertEquals(1, outcome.get());
        }
    }
}
