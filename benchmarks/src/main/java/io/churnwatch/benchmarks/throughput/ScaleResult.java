package io.churnwatch.benchmarks.throughput;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Every measurement on one data set; the tables report medians over repeats. */
public record ScaleResult(String data, OrderLoad.Loaded loaded, List<BaselineDrain.Drained> bytesDrains,
                          List<BaselineDrain.Drained> decodingDrains,
                          Map<TopologyVariant, List<TopologyRun.Measured>> runs) {

    public double bytesOrdersPerSecond() {
        return perSecond(loaded.orders(), median(bytesDrains, d -> d.duration().toNanos()));
    }

    public double decodingOrdersPerSecond() {
        return perSecond(loaded.orders(), median(decodingDrains, d -> d.duration().toNanos()));
    }

    public boolean has(TopologyVariant variant) {
        return runs.containsKey(variant) && !runs.get(variant).isEmpty();
    }

    public double ordersPerSecond(TopologyVariant variant) {
        return perSecond(loaded.orders(), medianRun(variant).duration().toNanos());
    }

    public double linesPerSecond(TopologyVariant variant) {
        return perSecond(loaded.lines(), medianRun(variant).duration().toNanos());
    }

    /** The run with the median duration (the lower middle one for an even count). */
    public TopologyRun.Measured medianRun(TopologyVariant variant) {
        List<TopologyRun.Measured> sorted = runs.get(variant).stream()
                .sorted(Comparator.comparing(TopologyRun.Measured::duration)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    public List<Duration> durations(TopologyVariant variant) {
        return runs.get(variant).stream().map(TopologyRun.Measured::duration).toList();
    }

    private static <T> long median(List<T> values, ToLongFunction<T> key) {
        long[] sorted = values.stream().mapToLong(key).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }

    private static double perSecond(long count, long nanos) {
        return count / (nanos / 1e9);
    }
}
