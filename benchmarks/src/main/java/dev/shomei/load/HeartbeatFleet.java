package dev.shomei.load;

import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.Ack;
import dev.shomei.protocol.line.DeviceStatus;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.LineMessage;
import dev.shomei.protocol.line.MessageType;
import dev.shomei.protocol.line.TerminalState;
import dev.shomei.protocol.line.transport.LineClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Terminals that only heartbeat: each holds its own TLS connection and sends a {@link Heartbeat}
 * every {@code interval} (phases spread evenly at random), waiting for the ack. One virtual thread
 * per terminal; connections open at most at {@code connectRate} per second and at most
 * {@value #HANDSHAKES_IN_FLIGHT} at a time, so the handshakes (a few milliseconds of CPU each on
 * both ends) do not swamp the center into handshake timeouts. A dropped connection is counted and
 * re-opened after a pause.
 */
public final class HeartbeatFleet implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(5);
    private static final int HANDSHAKES_IN_FLIGHT = 16;

    private final LineConnector connector;
    private final List<String> terminals;
    private final Duration interval;
    private final int connectRate;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final java.util.concurrent.Semaphore handshakes = new java.util.concurrent.Semaphore(HANDSHAKES_IN_FLIGHT);
    private final AtomicInteger connected = new AtomicInteger();
    private final LongAdder heartbeats = new LongAdder();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final ErrorTally errors = new ErrorTally();
    private volatile boolean running = true;

    public HeartbeatFleet(LineConnector connector, List<String> terminals, Duration interval, int connectRate) {
        this.connector = connector;
        this.terminals = terminals;
        this.interval = interval;
        this.connectRate = connectRate;
    }

    /** Starts every terminal; connections open over {@code terminals / connectRate} seconds. */
    public void start() {
        SplittableRandom random = new SplittableRandom(42);
        long started = System.nanoTime();
        for (int i = 0; i < terminals.size(); i++) {
            String id = terminals.get(i);
            long connectAt = started + (long) (i * 1e9 / connectRate);
            long phase = (long) (random.nextDouble() * interval.toNanos());
            threads.execute(() -> terminal(id, connectAt, phase));
        }
    }

    private void terminal(String id, long connectAt, long phase) {
        sleepUntil(connectAt);
        while (running) {
            try (LineClient client = connect(id)) {
                connected.incrementAndGet();
                try {
                    long next = Math.max(System.nanoTime(), connectAt) + phase;
                    while (running) {
                        sleepUntil(next);
                        if (!running) {
                            break;
                        }
                        long before = System.nanoTime();
                        LineMessage answer = client.request(new Heartbeat(TerminalState.IDLE, 90, 90, DeviceStatus.OK,
                                DeviceStatus.OK, DeviceStatus.OK, 0, 0, 0, Instant.now()), TIMEOUT);
                        if (answer instanceof Ack ack && ack.acknowledged() == MessageType.HEARTBEAT) {
                            latency.record(System.nanoTime() - before);
                            heartbeats.increment();
                        } else {
                            errors.add("LOCAL heartbeat answered with " + answer.type());
                        }
                        next += interval.toNanos();
                    }
                } finally {
                    connected.decrementAndGet();
                }
            } catch (ShomeiException e) {
                errors.add(e.code().name());
                sleepUntil(System.nanoTime() + RECONNECT_PAUSE.toNanos());
            } catch (RuntimeException e) {
                errors.add("LOCAL " + e.getClass().getSimpleName());
                sleepUntil(System.nanoTime() + RECONNECT_PAUSE.toNanos());
            }
        }
    }

    private LineClient connect(String id) {
        handshakes.acquireUninterruptibly();
        try {
            return connector.connect(id, TIMEOUT);
        } finally {
            handshakes.release();
        }
    }

    private void sleepUntil(long nanoTime) {
        long wait;
        while (running && (wait = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Duration.ofNanos(Math.min(wait, 1_000_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public int connected() {
        return connected.get();
    }

    public long heartbeats() {
        return heartbeats.sum();
    }

    public LatencyRecorder latency() {
        return latency;
    }

    public ErrorTally errors() {
        return errors;
    }

    /** Forgets what was measured so far (end of warm-up). */
    public void resetMeasurements() {
        heartbeats.reset();
        latency.reset();
        errors.reset();
    }

    @Override
    public void close() {
        running = false;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.shutdownNow();
        }
    }

    /** Terminal ids {@code LGH-000001..}. */
    public static List<String> ids(int count) {
        return new ArrayList<>(TerminalEnrolment.ids("LGH", count));
    }
}
