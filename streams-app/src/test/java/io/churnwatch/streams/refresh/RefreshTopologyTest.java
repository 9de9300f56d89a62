package io.churnwatch.streams.refresh;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;

/**
 * A refresh through the real topology: when the trigger's generation moves (a new model release in the serving
 * node), every customer's features come out again, as of the released watermark, at the configured rate, once.
 */
class RefreshTopologyTest {

    private static final Duration TICK = Duration.ofSeconds(1);

    private static TopologySettings twoPerSecond() {
        TopologySettings settings = TestSettings.immediateWithoutTimers();
        return settings.withFeatures(settings.features().withRefreshPerSecond(2));
    }

    @Test
    void aNewGenerationReEmitsEveryCustomerAsOfTheWatermarkAtTheConfiguredRate() {
        AtomicLong generation = new AtomicLong();
        try (TopologyHarness app = new TopologyHarness(twoPerSecond(), Instant.parse("2012-06-01T00:00:00Z"),
                context -> generation.get())) {
            app.send(purchase("o1", "c1", "2011-01-01T00:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c2", "2011-01-05T00:00:00Z", line("A", 1, 100)));
            app.send(purchase("o3", "c3", "2011-01-09T00:00:00Z", line("A", 2, 100)));
            assertThat(app.readFeatures()).hasSize(3);
            app.advanceWallClock(TICK);
            assertThat(app.readFeatures()).as("generation still 0").isEmpty();

            generation.set(7);
            app.advanceWallClock(TICK);
            List<KeyValue<String, CustomerFeatures>> first = app.readFeatures();
            app.advanceWallClock(TICK);
            List<KeyValue<String, CustomerFeatures>> second = app.readFeatures();
            app.advanceWallClock(TICK);

            Instant watermark = Instant.parse("2011-01-09T00:00:00Z");
            assertThat(first).extracting(kv -> kv.key, kv -> kv.value.getAsOf())
                    .containsExactly(tuple("c1", watermark), tuple("c2", watermark));
            assertThat(second).extracting(kv -> kv.key, kv -> kv.value.getAsOf())
                    .containsExactly(tuple("c3", watermark));
            assertThat(first.get(0).value.getRecencyDays()).isCloseTo(8.0, within(1e-9));
            assertThat(second.get(0).value.getGrossRevenueMinor()).isEqualTo(200);
            assertThat(app.readFeatures()).as("after the sweep").isEmpty();
            assertThat(app.counter(CustomerFeaturesProcessor.REFRESHED_METRIC)).isEqualTo(3.0);
        }
    }

    @Test
    void withoutATriggerOrWithRateZeroNothingIsReEmitted() {
        TopologySettings off = twoPerSecond().withFeatures(twoPerSecond().features().withRefreshPerSecond(0));
        try (TopologyHarness app = new TopologyHarness(off, Instant.parse("2012-06-01T00:00:00Z"), context -> 3)) {
            app.send(purchase("o1", "c1", "2011-01-01T00:00:00Z", line("A", 1, 100)));
            app.readFeatures();
            app.advanceWallClock(TICK.multipliedBy(5));
            assertThat(app.readFeatures()).isEmpty();
        }
    }
}
