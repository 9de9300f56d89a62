package io.churnwatch.benchmarks.latency;

import io.churnwatch.streams.features.CustomerFeaturesProcessor;

/**
 * The streams app's two lateness counters, summed over tasks: orders applied after the watermark had passed them
 * (in live operation with no grace, nearly all: their delivery time), and those among them that changed results
 * because something after them had already been released (the counter to alert on).
 */
record LateOrders(double afterWatermark, double outOfOrder) {

    static LateOrders read(ScoringNode node) {
        return new LateOrders(node.counter(CustomerFeaturesProcessor.LATE_METRIC),
                node.counter(CustomerFeaturesProcessor.LATE_OUT_OF_ORDER_METRIC));
    }

    LateOrders since(LateOrders start) {
        return new LateOrders(afterWatermark - start.afterWatermark, outOfOrder - start.outOfOrder);
    }
}
