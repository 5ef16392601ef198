package dev.shomei.protocol.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

/**
 * Bounded allocation, measured: the bytes the current thread allocates while a parser runs (HotSpot's
 * per-thread counter). A parser that trusted a claimed length would allocate the claim, megabytes
 * or gigabytes; a bounded one allocates a small multiple of its input. The bound is generous so
 * that exception stack traces and first-use class initialisation never make it flaky.
 */
public final class AllocationMeter {
    /** Fixed allowance per call: stack traces, JSON parser buffers, lazily built tables. */
    public static final long BASE_ALLOWANCE = 4L * 1024 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** What a call allocated on this thread, in bytes. */
    public static long allocatedBy(Runnable call) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        call.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Runs {@code call} and fails unless it allocated at most the allowance plus {@code perInputByte} x input. */
    public static void assertBounded(int inputLength, long perInputByte, Runnable call) {
        long limit = BASE_ALLOWANCE + perInputByte * inputLength;
        long allocated = allocatedBy(call);
        assertTrue(allocated <= limit,
                () -> "parsing " + inputLength + " bytes allocated " + allocated + " bytes (limit " + limit + ")");
    }
}
