package io.churnwatch.benchmarks.throughput;

import java.util.List;
import java.util.stream.Collectors;

/** The benchmark's figures as markdown tables. */
public final class ResultTables {

    private ResultTables() {
    }

    public static String render(List<ScaleResult> results, List<TopologyVariant> variants, int repeats) {
        StringBuilder out = new StringBuilder();
        out.append("\n### Throughput (").append(repeats > 1 ? "median of " + repeats + " runs" : "one run")
                .append(", orders/s; topology with exactly_once_v2 from start() to every order committed)\n\n");
        out.append("| data | customers | orders | lines | bare consumer, bytes | bare consumer, decoding |");
        variants.forEach(v -> out.append(' ').append(v.label()).append(" | lines/s | vs bytes | vs decoding |"));
        out.append("\n|---|---:|---:|---:|---:|---:|");
        variants.forEach(v -> out.append("---:|---:|---:|---:|"));
        out.append('\n');
        for (ScaleResult r : results) {
            out.append(String.format("| %s | %,d | %,d | %,d | %,.0f | %,.0f |", r.data(), r.loaded().customers(),
                    r.loaded().orders(), r.loaded().lines(), r.bytesOrdersPerSecond(), r.decodingOrdersPerSecond()));
            for (TopologyVariant v : variants) {
                if (!r.has(v)) {
                    out.append(" – | – | – | – |");
                    continue;
                }
                double rate = r.ordersPerSecond(v);
                out.append(String.format(" %,.0f | %,.0f | %.1f%% | %.1f%% |", rate, r.linesPerSecond(v),
                        100 * rate / r.bytesOrdersPerSecond(), 100 * rate / r.decodingOrdersPerSecond()));
            }
            out.append('\n');
        }

        out.append("\n### Customer state and output (median run of each variant)\n\n");
        out.append("| data | variant | run times (s) | to RUNNING (s) | stream thread CPU µs/order | customers in store"
                + " | serialized state B/customer"
                + " | RocksDB estimate-live-data-size B/customer | SST files B/customer | all stores on disk (MiB)"
                + " | snapshots emitted | timer firings | late | duplicates |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ScaleResult r : results) {
            for (TopologyVariant v : variants) {
                if (!r.has(v)) {
                    continue;
                }
                TopologyRun.Measured m = r.medianRun(v);
                long customers = Math.max(1, m.logical().customers());
                String times = r.durations(v).stream().map(d -> String.format("%.1f", d.toMillis() / 1000.0))
                        .collect(Collectors.joining(", "));
                out.append(String.format("| %s | %s | %s | %.1f | %.0f | %,d | %.0f | %.0f | %.0f | %.1f | %,.0f | %,.0f | %,.0f | %,.0f |%n",
                        r.data(), v.label(), times, m.timeToRunning().toMillis() / 1000.0,
                        m.streamThreadCpu().toNanos() / 1000.0 / Math.max(1, r.loaded().orders()), m.logical().customers(),
                        m.logical().valueBytes() / (double) customers,
                        m.physical().liveDataEstimate() / (double) customers,
                        m.physical().sstBytes() / (double) customers,
                        m.physical().allStoresBytes() / (1024.0 * 1024), m.snapshots(), m.timersFired(), m.late(),
                        m.duplicates()));
            }
        }

        if (results.size() > 1) {
            ScaleResult first = results.get(0);
            out.append("\n### Scaling (throughput relative to ").append(first.data()).append(")\n\n");
            out.append("| data |");
            variants.forEach(v -> out.append(' ').append(v.label()).append(" |"));
            out.append("\n|---|");
            variants.forEach(v -> out.append("---:|"));
            out.append('\n');
            for (ScaleResult r : results) {
                out.append("| ").append(r.data()).append(" |");
                for (TopologyVariant v : variants) {
                    if (!r.has(v) || !first.has(v)) {
                        out.append(" – |");
                        continue;
                    }
                    double change = r.ordersPerSecond(v) / first.ordersPerSecond(v) - 1;
                    out.append(String.format(" %+.1f%% |", 100 * change));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
