package io.churnwatch.streams.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.TestOrders;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.DistinctProducts;
import io.churnwatch.streams.testing.BatchFeatures;
import io.churnwatch.streams.testing.SnapshotComparison;

/**
 * Snapshots taken by the running topology equal a batch computation over the events at or before each cutoff.
 * The stream sees the events out of order (within the grace) and with retries; the batch sees them once each.
 */
class SnapshotEquivalenceTest {

    private static final long DAY = 86_400_000L;

    @Test
    void syntheticHistorySnapshotsEqualTheBatchComputationAtEveryCutoffAndLabelHorizon() {
        List<OrderEvent> events = SyntheticHistory.events(20240601L, 120);
        TopologySettings settings = TopologySettings.defaults();
        List<OrderEvent> arrivals = SyntheticHistory.arrivalOrder(events,
                settings.features().grace().toMillis() - 1, 99L);
        assertThat(arrivals.size()).isGreaterThan(events.size());

        int compared = compareStreamWithBatch(settings, events, arrivals);
        assertThat(compared).isGreaterThan(500);
        // The data reaches every path worth comparing: sketches, returns, gap spreads.
        Map<String, BatchFeatures.Expected> atEnd = BatchFeatures.at(events, Long.MAX_VALUE);
        assertThat(atEnd.values()).filteredOn(c -> c.distinctProducts() > DistinctProducts.EXACT_LIMIT).hasSizeGreaterThan(5);
        assertThat(atEnd.values()).filteredOn(c -> c.returnOrders() > 0).hasSizeGreaterThan(20);
        assertThat(atEnd.values()).filteredOn(c -> c.gapStd() != null).hasSizeGreaterThan(50);
        // The compared schedule holds the 90-day label horizons too, with customers in them.
        long first = events.get(0).getEventTime().toEpochMilli();
        long last = events.get(events.size() - 1).getEventTime().toEpochMilli();
        List<Long> horizons = SnapshotComparison.cutoffsBetween(settings.features().cutoffs(), first, last).stream()
                .filter(c -> !isFirstOfMonth(c)).filter(c -> !BatchFeatures.at(events, c).isEmpty()).toList();
        assertThat(horizons).hasSizeGreaterThanOrEqualTo(8);
    }

    private static boolean isFirstOfMonth(long instant) {
        return Instant.ofEpochMilli(instant).atZone(java.time.ZoneOffset.UTC).getDayOfMonth() == 1;
    }

    /** Runs the topology on {@code arrivals} and checks every snapshot against the batch; returns how many. */
    static int compareStreamWithBatch(TopologySettings settings, List<OrderEvent> events, List<OrderEvent> arrivals) {
        return compareStreamWithBatch(settings, events, arrivals, app -> { });
    }

    /**
     * As above, letting the caller look at the finished topology (its stores, its metrics) before it closes. Every
     * instant of the settings' schedule is compared: the cutoffs and their label horizons.
     */
    static int compareStreamWithBatch(TopologySettings settings, List<OrderEvent> events, List<OrderEvent> arrivals,
                                      java.util.function.Consumer<TopologyHarness> inspect) {
        List<FeatureSnapshot> snapshots = new ArrayList<>();
        long firstEvent = events.stream().mapToLong(e -> e.getEventTime().toEpochMilli()).min().orElseThrow();
        long lastEvent = events.stream().mapToLong(e -> e.getEventTime().toEpochMilli()).max().orElseThrow();
        long flush = lastEvent + 40 * DAY;
        try (TopologyHarness app = new TopologyHarness(settings)) {
            app.sendAll(arrivals);
            app.send(TestOrders.purchase("flush", "flusher", Instant.ofEpochMilli(flush), TestOrders.line("F", 1, 1)));
            for (TestRecord<String, FeatureSnapshot> record : app.readSnapshots()) {
                assertThat(record.key()).isEqualTo(CutoffSchedule.snapshotKey(record.value().getCustomerId(),
                        record.value().getCutoff().toEpochMilli()));
                snapshots.add(record.value());
            }
            assertThat(app.counter(CustomerFeaturesProcessor.LATE_METRIC)).isZero();
            inspect.accept(app);
        }
        long released = flush - settings.features().grace().toMillis();
        List<Long> cutoffs = SnapshotComparison.cutoffsBetween(settings.features().cutoffs(), firstEvent, released);
        SnapshotComparison.Result result = SnapshotComparison.compareAll(events, snapshots, cutoffs);
        assertThat(result.firstMismatches()).as("%d mismatches", result.mismatchCount()).isEmpty();
        assertThat(result.mismatchCount()).isZero();
        assertThat(result.cutoffs()).isEqualTo(cutoffs.size());
        return (int) result.compared();
    }
}
