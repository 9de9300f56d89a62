package io.churnwatch.benchmarks.throughput;

import java.util.Map;

/** Which topology settings a run uses, as the streams app's own environment variables. */
public enum TopologyVariant {

    /** The app as it ships: inactivity timers, monthly snapshots with 90-day label horizons. */
    FULL("full topology", Map.of()),

    /**
     * The per-order path alone (validate, repartition, de-duplicate, reorder, state, features): no timers and no
     * snapshots, whose output grows with customers × time rather than with orders.
     */
    ORDERS_ONLY("orders path (no timers, no snapshots)", Map.of(
            "CHURNWATCH_INACTIVITY_OFFSETS_DAYS", "",
            "CHURNWATCH_INACTIVITY_GAP_MULTIPLIER", "0",
            "CHURNWATCH_SNAPSHOT_CUTOFFS", "every-1000000-days",
            "CHURNWATCH_LABEL_HORIZON_DAYS", "0"));

    private final String label;
    private final Map<String, String> environment;

    TopologyVariant(String label, Map<String, String> environment) {
        this.label = label;
        this.environment = environment;
    }

    public String label() {
        return label;
    }

    public Map<String, String> environment() {
        return environment;
    }
}
