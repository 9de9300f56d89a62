package io.churnwatch.streams.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.TestOrders;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.DistinctProducts;

/**
 * Snapshots taken by the running topology equal a batch computation over the events at or before each cutoff.
 * The stream sees the events out of order (within the grace) and with retries; the batch sees them once each.
 */
class SnapshotEquivalenceTest {

    private static final long DAY = 86_400_000L;

    @Test
    void syntheticHistorySnapshotsEqualTheBatchComputationAtEveryMonthlyCutoff() {
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
    }

    /** Runs the topology on {@code arrivals} and checks every snapshot against the batch; returns how many. */
    static int compareStreamWithBatch(TopologySettings settings, List<OrderEvent> events, List<OrderEvent> arrivals) {
        return compareStreamWithBatch(settings, events, arrivals, app -> { });
    }

    /** As above, letting the caller look at the finished topology (its stores, its metrics) before it closes. */
    static int compareStreamWithBatch(TopologySettings settings, List<OrderEvent> events, List<OrderEvent> arrivals,
                                      java.util.function.Consumer<TopologyHarness> inspect) {
        Map<String, FeatureSnapshot> snapshots = new TreeMap<>();
        long lastEvent = events.stream().mapToLong(e -> e.getEventTime().toEpochMilli()).max().orElseThrow();
        try (TopologyHarness app = new TopologyHarness(settings)) {
            app.sendAll(arrivals);
            app.send(TestOrders.purchase("flush", "flusher", Instant.ofEpochMilli(lastEvent + 40 * DAY),
                    TestOrders.line("F", 1, 1)));
            for (TestRecord<String, FeatureSnapshot> record : app.readSnapshots()) {
                snapshots.put(record.key(), record.value());
            }
            assertThat(app.counter(CustomerFeaturesProcessor.LATE_METRIC)).isZero();
            inspect.accept(app);
        }
        int compared = 0;
        for (long cutoff : monthlyCutoffs(events, lastEvent + 40 * DAY)) {
            Map<String, BatchFeatures.Expected> expected = BatchFeatures.at(events, cutoff);
            String date = LocalDate.ofInstant(Instant.ofEpochMilli(cutoff), ZoneOffset.UTC).toString();
            Map<String, FeatureSnapshot> actual = new TreeMap<>();
            snapshots.forEach((key, value) -> {
                if (key.endsWith("|" + date)) {
                    actual.put(value.getCustomerId(), value);
                }
            });
            assertThat(actual.keySet()).as("customers in the snapshot of %s", date).isEqualTo(expected.keySet());
            for (BatchFeatures.Expected customer : expected.values()) {
                FeatureSnapshot snapshot = actual.get(customer.customerId());
                assertThat(snapshot.getCutoff().toEpochMilli()).isEqualTo(cutoff);
                assertMatches(customer, snapshot.getFeatures(), date);
                compared++;
            }
        }
        return compared;
    }

    private static List<Long> monthlyCutoffs(List<OrderEvent> events, long before) {
        MonthlyCutoffs schedule = new MonthlyCutoffs();
        long first = events.get(0).getEventTime().toEpochMilli();
        List<Long> cutoffs = new ArrayList<>();
        for (long c = schedule.firstAfter(first); c < before; c = schedule.firstAfter(c)) {
            cutoffs.add(c);
        }
        return cutoffs;
    }

    static void assertMatches(BatchFeatures.Expected expected, CustomerFeatures actual, String date) {
        String who = expected.customerId() + " at " + date + ": ";
        long asOf = expected.asOf();
        long day = Math.floorDiv(asOf, DAY);
        assertThat(actual.getAsOf().toEpochMilli()).as(who + "asOf").isEqualTo(asOf);
        assertThat(actual.getFirstPurchaseTime().toEpochMilli()).as(who + "first").isEqualTo(expected.firstPurchase());
        assertThat(actual.getLastPurchaseTime().toEpochMilli()).as(who + "last").isEqualTo(expected.lastPurchase());
        assertThat(actual.getOrders()).as(who + "orders").isEqualTo(expected.orders());
        assertThat(actual.getReturnOrders()).as(who + "returns").isEqualTo(expected.returnOrders());
        assertThat(actual.getGrossRevenueMinor()).as(who + "gross").isEqualTo(expected.gross());
        assertThat(actual.getReturnedValueMinor()).as(who + "returned").isEqualTo(expected.returned());
        assertThat(actual.getRecencyDays()).as(who + "recency")
                .isCloseTo((asOf - expected.lastPurchase()) / (double) DAY, within(1e-9));
        assertThat(actual.getTenureDays()).as(who + "tenure")
                .isCloseTo((asOf - expected.firstPurchase()) / (double) DAY, within(1e-9));
        assertThat(actual.getReturnRateOrders()).as(who + "return rate by orders").isCloseTo(
                expected.returnOrders() / (double) (expected.orders() + expected.returnOrders()), within(1e-12));
        assertThat(actual.getReturnRateValue()).as(who + "return rate by value")
                .isCloseTo(expected.returned() / (double) expected.gross(), within(1e-12));
        assertThat(actual.getAvgOrderValueMinor()).as(who + "aov")
                .isEqualTo(Math.round(expected.gross() / (double) expected.orders()));
        assertThat(actual.getItemsPerOrder()).as(who + "items/order")
                .isCloseTo(expected.units() / (double) expected.orders(), within(1e-12));
        assertClose(actual.getInterPurchaseDaysMean(), expected.gapMean(), who + "gap mean");
        assertClose(actual.getInterPurchaseDaysStd(), expected.gapStd(), who + "gap std");
        int[] windows = {30, 90, 180, 365};
        long[] revenue = {actual.getRevenue30dMinor(), actual.getRevenue90dMinor(), actual.getRevenue180dMinor(),
                actual.getRevenue365dMinor()};
        int[] orders = {actual.getOrders30d(), actual.getOrders90d(), actual.getOrders180d(), actual.getOrders365d()};
        for (int i = 0; i < windows.length; i++) {
            assertThat(revenue[i]).as(who + "revenue " + windows[i] + "d")
                    .isEqualTo(expected.revenueInWindow(day - windows[i], day));
            assertThat(orders[i]).as(who + "orders " + windows[i] + "d")
                    .isEqualTo(expected.ordersInWindow(day - windows[i], day));
        }
        long last90 = expected.revenueInWindow(day - 90, day);
        long prev90 = expected.revenueInWindow(day - 180, day - 90);
        assertThat(actual.getRevenuePrev90dMinor()).as(who + "prev 90").isEqualTo(prev90);
        assertThat(actual.getOrdersPrev90d()).as(who + "orders prev 90")
                .isEqualTo(expected.ordersInWindow(day - 180, day - 90));
        assertThat(actual.getRevenueTrend90d()).as(who + "trend")
                .isCloseTo(last90 + prev90 == 0 ? 0 : (last90 - prev90) / (double) (last90 + prev90), within(1e-12));
        if (expected.distinctProducts() <= DistinctProducts.EXACT_LIMIT) {
            assertThat(actual.getDistinctProducts()).as(who + "distinct products").isEqualTo(expected.distinctProducts());
        } else {
            // HyperLogLog with 256 registers: 6.5% standard error; 4 sigma keeps the test honest and stable.
            assertThat((double) actual.getDistinctProducts()).as(who + "distinct products (estimate)")
                    .isCloseTo(expected.distinctProducts(), within(0.26 * expected.distinctProducts()));
        }
        assertThat(actual.getCountry()).as(who + "country").isEqualTo(expected.country());
        assertThat(actual.getCurrency()).as(who + "currency").isEqualTo(expected.currency());
    }

    private static void assertClose(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
        }
    }
}
