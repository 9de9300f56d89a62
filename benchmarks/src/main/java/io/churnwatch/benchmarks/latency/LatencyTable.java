package io.churnwatch.benchmarks.latency;

import java.util.Locale;
import java.util.Map;

/** The final markdown: what ran, the latency table, and whether the pipeline kept up. */
final class LatencyTable {

    private LatencyTable() {
    }

    static String render(LatencyOptions options, LatencyResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n### Event-to-alert latency: %,d orders/s for %d s, after %d s of "
                + "warm-up (%s)%n%n", options.rate(), options.duration().toSeconds(), result.warmup().toSeconds(),
                result.warmupCaughtUp() ? "the node had caught up" : "the node had NOT caught up"));
        StringBuilder settings = new StringBuilder();
        result.settings().forEach((name, value) -> settings.append(settings.length() == 0 ? "" : ", ")
                .append(name).append(' ').append(value));
        out.append(settings).append(String.format(Locale.ROOT, "; release v%d (threshold %.3f); load: %.0f%% first "
                + "purchases, %.0f%% returns, producer linger.ms %d.%n%n", result.releaseVersion(), result.threshold(),
                100 * options.mix().newCustomers(), 100 * options.mix().returns(), options.lingerMs()));

        out.append("| path | count | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|\n");
        row(out, "order → score", result.toScore());
        row(out, "order → alert", result.toAlert());

        SteadyLoad.Summary load = result.load();
        out.append('\n');
        out.append("| | |\n|---|---:|\n");
        line(out, "target rate (orders/s)", String.format(Locale.ROOT, "%,d", options.rate()));
        line(out, "achieved rate (orders/s)", String.format(Locale.ROOT, "%,.0f", load.rate()));
        line(out, "measured orders", String.format(Locale.ROOT, "%,d (first purchases %,d, repeat %,d, returns %,d)",
                load.measuredOrders(), role(load.measuredByRole(), LiveOrderMix.Role.FIRST_PURCHASE),
                role(load.measuredByRole(), LiveOrderMix.Role.REPEAT_PURCHASE),
                role(load.measuredByRole(), LiveOrderMix.Role.RETURN)));
        line(out, "scores of measured orders", String.format(Locale.ROOT, "%,d", result.toScore().count()));
        line(out, "alerts of measured orders", String.format(Locale.ROOT,
                "%,d (%.1f/s; raised by first purchases %,d, repeat %,d, returns %,d; holdout %,d)",
                result.toAlert().count(), result.alertsPerSecond(),
                role(result.alertsByRole(), LiveOrderMix.Role.FIRST_PURCHASE),
                role(result.alertsByRole(), LiveOrderMix.Role.REPEAT_PURCHASE),
                role(result.alertsByRole(), LiveOrderMix.Role.RETURN), result.holdoutAlerts()));
        line(out, "customers at the end", String.format(Locale.ROOT, "%,d", result.customers()));
        line(out, "largest send lag behind schedule", load.maxLag().toMillis() + " ms");
        line(out, "scores per second, measured part and drain", String.format(Locale.ROOT, "%,.0f",
                result.scoredRate()));
        line(out, "backlog when the load stopped", String.format(Locale.ROOT, "%,d orders", result.backlogAtEnd()));
        line(out, "drain after the load", String.format(Locale.ROOT, "%.1f s%s", result.drainTime().toMillis() / 1000.0,
                result.complete() ? "" : String.format(Locale.ROOT, " (timed out: %,d never scored)",
                        result.neverScored())));
        line(out, "orders applied after the watermark (late-beyond-grace)",
                String.format(Locale.ROOT, "%,.0f", result.lateOrders().afterWatermark()));
        line(out, "of which changed results (late-out-of-order)",
                String.format(Locale.ROOT, "%,.0f", result.lateOrders().outOfOrder()));
        line(out, "unmatched scores / alerts", result.scoresUnmatched() + " / " + result.alertsUnmatched());
        line(out, "stream thread CPU", String.format(Locale.ROOT, "%.0f%% of a core", 100 * result.streamThreadCpu()));
        line(out, "stream thread waiting for a core", Double.isNaN(result.streamThreadWait()) ? "unknown"
                : String.format(Locale.ROOT, "%.0f%% of the time", 100 * result.streamThreadWait()));
        line(out, "stream thread CPU per order", String.format(Locale.ROOT, "%.0f µs (one core: about %,.0f orders/s)",
                result.cpuPerOrderMicros(), 1e6 / result.cpuPerOrderMicros()));
        line(out, "benchmark JVM CPU (streams, load, reader)", String.format(Locale.ROOT, "%.2f cores",
                result.processCpu()));
        line(out, "load average (1 min) before / after", String.format(Locale.ROOT, "%.2f / %.2f",
                result.loadBefore(), result.loadAfter()));
        return out.toString();
    }

    private static void row(StringBuilder out, String path, LatencySamples.Summary s) {
        out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s |%n", path, s.count(),
                ms(s.p50()), ms(s.p90()), ms(s.p99()), ms(s.p999()), ms(s.max())));
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static long role(Map<LiveOrderMix.Role, Long> counts, LiveOrderMix.Role role) {
        return counts.getOrDefault(role, 0L);
    }
}
