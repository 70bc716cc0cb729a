package io.opsflow.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of latencies recorded in nanoseconds, reported in milliseconds. */
record Percentiles(double p50, double p95, double p99) {

    static Percentiles of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(millis(sorted, 0.50), millis(sorted, 0.95), millis(sorted, 0.99));
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
    }
}
