package io.churnwatch.streams.dedup;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;

class DedupTopologyTest {

    @Test
    void aRetriedOrderCountsOnceAndTheDuplicatesAreCounted() {
        try (TopologyHarness app = new TopologyHarness(TestSettings.immediateWithoutTimers())) {
            OrderEvent order = purchase("o1", "c1", "2011-05-01T12:00:00Z", line("A", 2, 100));
            app.send(order);
            app.send(order);
            app.send(purchase("o1", "c1", "2011-05-01T12:00:05Z", line("A", 3, 100)));
            app.send(purchase("o2", "c1", "2011-05-02T12:00:00Z", line("B", 1, 100)));

            var features = app.readFeatures();
            assertThat(features).hasSize(2);
            assertThat(features.get(1).value.getOrders()).isEqualTo(2);
            assertThat(features.get(1).value.getGrossRevenueMinor()).isEqualTo(300);
            assertThat(app.counter(DedupProcessor.DUPLICATES_METRIC)).isEqualTo(2.0);
        }
    }

    @Test
    void orderIdsAreForgottenOnceEventTimePassesTheRetention() {
        TopologySettings settings = TestSettings.immediateWithoutTimers()
                .withDedup(new DedupSettings(Duration.ofDays(1)));
        try (TopologyHarness app = new TopologyHarness(settings)) {
            OrderEvent order = purchase("o1", "c1", "2011-05-01T12:00:00Z", line("A", 2, 100));
            app.send(order);
            app.send(purchase("o2", "c2", "2011-05-01T13:00:00Z", line("A", 1, 100)));
            WindowStore<String, Long> seen = app.driver.getWindowStore(DedupProcessor.SEEN_STORE);
            assertThat(idsIn(seen)).containsExactly("o1", "o2");

            // Segments are half the retention long; four days on, the segment of o1 and o2 is dropped whole.
            app.send(purchase("o3", "c2", "2011-05-05T13:00:00Z", line("A", 1, 100)));

            assertThat(idsIn(seen)).containsExactly("o3");
            app.readFeatures();
            // Past the retention the same id is new again: the bound is what keeps the store finite.
            app.send(purchase("o1", "c1", "2011-05-05T14:00:00Z", line("A", 2, 100)));
            assertThat(app.readFeatures()).hasSize(1);
            assertThat(app.counter(DedupProcessor.DUPLICATES_METRIC)).isZero();
        }
    }

    private static List<String> idsIn(WindowStore<String, Long> store) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
            all.forEachRemaining(entry -> ids.add(entry.key.key()));
        }
        return ids;
    }
}
