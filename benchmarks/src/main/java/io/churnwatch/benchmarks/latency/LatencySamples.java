package io.churnwatch.benchmarks.latency;

import java.util.Arrays;

/**
 * Every latency of one kind, in microseconds, kept whole (a minute at 5k/s is 300k longs) so that percentiles are
 * exact rather than a histogram's buckets. Written by the output reader, read by the progress printer.
 */
final class LatencySamples {

    /** Count and nearest-rank percentiles in milliseconds; NaN when there is no sample. */
    record Summary(long count, double p50, double p90, double p99, double p999, double max) {
    }

    private long[] micros = new long[1 << 16];
    private int size;

    synchronized void add(long latencyMicros) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = latencyMicros;
    }

    synchronized int size() {
        return size;
    }

    /** The summary of every sample. */
    Summary summary() {
        return summarySince(0);
    }

    /** The summary of the samples added since the {@code from}-th, e.g. the last progress interval. */
    Summary summarySince(int from) {
        long[] part;
        synchronized (this) {
            part = Arrays.copyOfRange(micros, Math.min(from, size), size);
        }
        if (part.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        Arrays.sort(part);
        return new Summary(part.length, millis(part, 0.50), millis(part, 0.90), millis(part, 0.99),
                millis(part, 0.999), part[part.length - 1] / 1000.0);
    }

    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1000.0;
    }
}
