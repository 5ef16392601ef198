package dev.shomei.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects latencies in nanoseconds from many threads: each thread appends to its own buffer
 * (no contention on the hot path), {@link #snapshot()} merges them. {@link #reset()} drops what was
 * recorded so far (the end of the warm-up).
 */
public final class LatencyRecorder {
    private final List<Buffer> buffers = new ArrayList<>();
    private final ThreadLocal<Buffer> local = ThreadLocal.withInitial(this::newBuffer);

    private synchronized Buffer newBuffer() {
        Buffer buffer = new Buffer();
        buffers.add(buffer);
        return buffer;
    }

    public void record(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        local.get().add(nanos);
    }

    public synchronized void reset() {
        for (Buffer buffer : buffers) {
            buffer.clear();
        }
    }

    /** Every value recorded since the last reset. */
    public synchronized long[] values() {
        int total = 0;
        for (Buffer buffer : buffers) {
            total += buffer.size();
        }
        long[] all = new long[total];
        int at = 0;
        for (Buffer buffer : buffers) {
            at = buffer.copyTo(all, at);
        }
        return all;
    }

    public Percentiles snapshot() {
        return Percentiles.of(values());
    }

    /** One thread's values; synchronized because the merging thread reads them while the owner writes. */
    private static final class Buffer {
        private long[] values = new long[64];
        private int size;

        synchronized void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        synchronized int size() {
            return size;
        }

        synchronized void clear() {
            size = 0;
        }

        synchronized int copyTo(long[] target, int at) {
            int n = Math.min(size, target.length - at);
            System.arraycopy(values, 0, target, at, n);
            return at + n;
        }
    }
}
