package dev.shomei.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankOnOneToHundred() {
        Percentiles p = Percentiles.of(ONE_TO_HUNDRED);
        assertEquals(50, p.percentile(50));
        assertEquals(95, p.percentile(95));
        assertEquals(99, p.percentile(99));
        assertEquals(100, p.percentile(99.5)); // rank ceil(99.5) = 100
        assertEquals(100, p.percentile(100));
        assertEquals(1, p.percentile(0.5)); // rank ceil(0.5) = 1
        assertEquals(100, p.max());
        assertEquals(50.5, p.mean(), 1e-9);
        assertEquals(100, p.count());
    }

    @Test
    void nearestRankOnTenValuesIsAlwaysAnObservedValue() {
        long[] values = {70, 10, 40, 100, 20, 90, 30, 60, 50, 80};
        Percentiles p = Percentiles.of(values);
        assertEquals(50, p.percentile(50)); // rank 5
        assertEquals(100, p.percentile(91)); // rank ceil(9.1) = 10
        assertEquals(90, p.percentile(90)); // rank 9
        assertEquals(10, p.percentile(10)); // rank 1
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        Percentiles p = Percentiles.of(new long[] {7});
        assertEquals(7, p.percentile(1));
        assertEquals(7, p.percentile(99));
    }

    @Test
    void leavesTheCallersArrayAlone() {
        long[] values = {3, 1, 2};
        Percentiles.of(values).percentile(50);
        assertArrayEquals(new long[] {3, 1, 2}, values);
    }

    @Test
    void refusesNoValuesAndPercentilesOutsideTheRange() {
        assertThrows(IllegalStateException.class, () -> Percentiles.of(new long[0]).percentile(50));
        assertThrows(IllegalStateException.class, () -> Percentiles.of(new long[0]).mean());
        Percentiles p = Percentiles.of(ONE_TO_HUNDRED);
        assertThrows(IllegalArgumentException.class, () -> p.percentile(0));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(100.1));
        assertThrows(IllegalArgumentException.class, () -> p.percentile(Double.NaN));
    }
}
