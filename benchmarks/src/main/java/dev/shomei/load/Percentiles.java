package dev.shomei.load;

import java.util.Arrays;

/**
 * Percentiles of a sample by the nearest-rank method: the p-th percentile of n sorted values is the
 * value at rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the observed values and
 * p100 is the maximum. Exact, no histogram buckets: a load run records at most a few million values.
 */
public final class Percentiles {
    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Sorts a copy of {@code values}. */
    public static Percentiles of(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * @param p 0 &lt; p &le; 100
     * @throws IllegalStateException when there are no values
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    public long max() {
        return percentile(100);
    }

    public double mean() {
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return sum / sorted.length;
    }
}
