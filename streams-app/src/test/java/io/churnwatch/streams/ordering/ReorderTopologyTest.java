package io.churnwatch.streams.ordering;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.streams.TestOrders;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.CustomerState;
import io.churnwatch.streams.features.CustomerStateSerde;

class ReorderTopologyTest {

    private static final Duration GRACE = Duration.ofMinutes(10);

    @Test
    void nothingIsAppliedUntilStreamTimePassesEventTimePlusGrace() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.withGraceAndNoTimers(GRACE))) {
            app.send(purchase("o1", "c1", "2011-05-01T12:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c2", "2011-05-01T12:09:59Z", line("A", 1, 100)));
            assertThat(app.readFeatures()).isEmpty();

            app.send(purchase("o3", "c2", "2011-05-01T12:10:00Z", line("A", 1, 100)));
            List<KeyValue<String, CustomerFeatures>> released = app.readFeatures();
            assertThat(released).extracting(kv -> kv.key).containsExactly("c1");
            assertThat(released.get(0).value.getAsOf()).isEqualTo(Instant.parse("2011-05-01T12:00:00Z"));
        }
    }

    @Test
    void outOfOrderArrivalsWithinGraceGiveExactlyTheInOrderStateAndOutput() {
        List<OrderEvent> inOrder = events(new Random(42));
        List<OrderEvent> shuffled = jitteredWithinGrace(inOrder, new Random(7));
        assertThat(shuffled).isNotEqualTo(inOrder);

        Run sorted = run(inOrder);
        Run reordered = run(shuffled);

        assertThat(reordered.late()).isZero();
        assertThat(reordered.statesAsBytes()).isEqualTo(sorted.statesAsBytes());
        assertThat(reordered.featuresByCustomer()).isEqualTo(sorted.featuresByCustomer());
        assertThat(sorted.featuresByCustomer().values().stream().mapToInt(List::size).sum()).isEqualTo(inOrder.size());
    }

    @Test
    void anOrderLaterThanGraceIsAppliedOnArrivalCountedAndNeverDropped() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.withGraceAndNoTimers(GRACE))) {
            app.send(purchase("o1", "c1", "2011-05-01T12:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c2", "2011-05-01T12:30:00Z", line("A", 1, 100)));
            assertThat(app.readFeatures()).extracting(kv -> kv.key).containsExactly("c1");

            // The released watermark is now 12:20; 12:05 is behind it.
            app.send(purchase("o3", "c1", "2011-05-01T12:05:00Z", line("B", 2, 100)));

            assertThat(app.counter(CustomerFeaturesProcessor.LATE_METRIC)).isEqualTo(1.0);
            // c1's only earlier order is at 12:00 and no snapshot was taken since: in order for c1 after all.
            assertThat(app.counter(CustomerFeaturesProcessor.LATE_OUT_OF_ORDER_METRIC)).isZero();
            List<KeyValue<String, CustomerFeatures>> out = app.readFeatures();
            assertThat(out).hasSize(1);
            CustomerFeatures late = out.get(0).value;
            assertThat(late.getOrders()).isEqualTo(2);
            assertThat(late.getGrossRevenueMinor()).isEqualTo(300);
            assertThat(late.getAsOf()).isEqualTo(Instant.parse("2011-05-01T12:20:00Z"));
            assertThat(late.getLastPurchaseTime()).isEqualTo(Instant.parse("2011-05-01T12:05:00Z"));
        }
    }

    @Test
    void aLateOrderIsOutOfOrderOnlyWhenSomethingAfterItWasAlreadyReleased() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.withGraceAndNoTimers(GRACE))) {
            app.send(purchase("o1", "c1", "2011-05-31T23:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c1", "2011-05-31T23:20:00Z", line("A", 1, 100)));
            app.send(purchase("o3", "c2", "2011-06-01T00:15:00Z", line("A", 1, 100)));
            // The released watermark is now 00:05 on 1 June: o1, o2 and the monthly snapshot at midnight are out.

            app.send(purchase("behind-own", "c1", "2011-05-31T23:10:00Z", line("B", 1, 100)));
            app.send(purchase("before-cutoff", "c3", "2011-05-31T23:50:00Z", line("B", 1, 100)));
            app.send(purchase("harmless", "c4", "2011-06-01T00:01:00Z", line("B", 1, 100)));

            assertThat(app.counter(CustomerFeaturesProcessor.LATE_METRIC)).isEqualTo(3.0);
            assertThat(app.counter(CustomerFeaturesProcessor.LATE_OUT_OF_ORDER_METRIC)).isEqualTo(2.0);
        }
    }

    /** A few customers buying and returning over three weeks, with deliberate same-instant orders. */
    private static List<OrderEvent> events(Random random) {
        List<OrderEvent> events = new ArrayList<>();
        Instant time = Instant.parse("2011-05-01T08:00:00Z");
        for (int i = 0; i < 300; i++) {
            time = time.plusSeconds(i % 7 == 0 ? 0 : random.nextInt(4 * 3600));
            String customer = "c" + random.nextInt(6);
            OrderKind kind = random.nextInt(8) == 0 ? OrderKind.RETURN : OrderKind.PURCHASE;
            String country = random.nextBoolean() ? "France" : "Germany";
            OrderEvent order = TestOrders.order("o" + i, customer, time, kind,
                    line("S" + random.nextInt(50), 1 + random.nextInt(5), 50 + random.nextInt(500)));
            order.setCountry(country);
            events.add(order);
        }
        return events;
    }

    /** Arrival order by event time plus a random delay below the grace: out of order, but never too late. */
    private static List<OrderEvent> jitteredWithinGrace(List<OrderEvent> events, Random random) {
        TreeMap<Long, OrderEvent> byArrival = new TreeMap<>();
        for (OrderEvent event : events) {
            long arrival = event.getEventTime().toEpochMilli() + random.nextInt((int) GRACE.toMillis());
            while (byArrival.containsKey(arrival)) {
                arrival++;
            }
            byArrival.put(arrival, event);
        }
        return new ArrayList<>(byArrival.values());
    }

    private record Run(Map<String, String> statesAsBytes, Map<String, List<CustomerFeatures>> featuresByCustomer,
                       double late) {
    }

    private static Run run(List<OrderEvent> events) {
        try (TopologyHarness app = new TopologyHarness(TestSettings.withGraceAndNoTimers(GRACE))) {
            app.sendAll(events);
            OrderEvent last = events.stream().max(Comparator.comparing(OrderEvent::getEventTime)).orElseThrow();
            app.send(purchase("flush", "flusher", last.getEventTime().plus(GRACE).plusSeconds(1), line("F", 1, 1)));
            Map<String, List<CustomerFeatures>> features = new TreeMap<>();
            for (KeyValue<String, CustomerFeatures> kv : app.readFeatures()) {
                if (!kv.key.equals("flusher")) {
                    features.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
                }
            }
            Map<String, String> states = new LinkedHashMap<>();
            try (KeyValueIterator<String, CustomerState> all = app.stateStore().all()) {
                all.forEachRemaining(kv -> states.put(kv.key,
                        java.util.HexFormat.of().formatHex(CustomerStateSerde.toBytes(kv.value))));
            }
            return new Run(states, features, app.counter(CustomerFeaturesProcessor.LATE_METRIC));
        }
    }
}
