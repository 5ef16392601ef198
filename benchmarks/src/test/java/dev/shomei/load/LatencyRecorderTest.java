package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    @Test
    void mergesEveryThreadsValues() throws InterruptedException {
        LatencyRecorder recorder = new LatencyRecorder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            long base = t * 10_000L;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long i = 1; i <= 5_000; i++) {
                    recorder.record(base + i); // grows each buffer past its first capacity
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] values = recorder.values();
        Arrays.sort(values);
        long[] expected = LongStream.range(0, 4).flatMap(t -> LongStream.rangeClosed(1, 5_000).map(i -> t * 10_000L + i))
                .sorted().toArray();
        assertArrayEquals(expected, values);
        assertEquals(20_000, recorder.snapshot().count());
        assertEquals(35_000, recorder.snapshot().percentile(100));
    }

    @Test
    void resetForgetsWhatWasRecorded() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(5);
        recorder.record(6);
        recorder.reset();
        assertEquals(0, recorder.values().length);
        recorder.record(9);
        assertArrayEquals(new long[] {9}, recorder.values());
    }

    @Test
    void refusesANegativeLatency() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyRecorder().record(-1));
    }

    @Test
    void errorTallyCountsByCode() {
        ErrorTally tally = new ErrorTally();
        tally.add("NO_RECORD");
        tally.add("BACKEND_UNAVAILABLE");
        tally.add("NO_RECORD");
        assertEquals(3, tally.total());
        assertEquals("{BACKEND_UNAVAILABLE=1, NO_RECORD=2}", tally.byCode().toString());
        tally.reset();
        assertEquals(0, tally.total());
    }
}
