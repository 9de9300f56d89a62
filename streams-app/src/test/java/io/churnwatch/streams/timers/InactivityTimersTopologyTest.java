package io.churnwatch.streams.timers;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;
import io.churnwatch.streams.features.FeatureSettings;

class InactivityTimersTopologyTest {

    private static TopologySettings settings(TimerMode mode) {
        TopologySettings defaults = TopologySettings.defaults();
        return defaults.withFeatures(defaults.features().withGrace(Duration.ZERO).withTimerMode(mode));
    }

    @Test
    void streamTimePassingTheOffsetsEmitsFeaturesAsOfEachDueTimeBeforeLaterEvents() {
        try (TopologyHarness app = new TopologyHarness(settings(TimerMode.EVENT_TIME))) {
            app.send(purchase("o1", "c1", "2011-01-01T10:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c2", "2011-01-20T00:00:00Z", line("A", 1, 100)));

            List<KeyValue<String, CustomerFeatures>> out = app.readFeatures();
            assertThat(out).extracting(kv -> kv.key, kv -> kv.value.getAsOf()).containsExactly(
                    tuple("c1", Instant.parse("2011-01-01T10:00:00Z")),
                    tuple("c1", Instant.parse("2011-01-08T10:00:00Z")),
                    tuple("c1", Instant.parse("2011-01-15T10:00:00Z")),
                    tuple("c2", Instant.parse("2011-01-20T00:00:00Z")));
            assertThat(out.get(1).value.getRecencyDays()).isCloseTo(7.0, within(1e-9));
            assertThat(out.get(2).value.getRecencyDays()).isCloseTo(14.0, within(1e-9));
            assertThat(app.counter(CustomerFeaturesProcessor.TIMERS_FIRED_METRIC)).isEqualTo(2.0);
        }
    }

    @Test
    void aNewPurchaseReplacesThePendingTimer() {
        try (TopologyHarness app = new TopologyHarness(settings(TimerMode.EVENT_TIME))) {
            app.send(purchase("o1", "c1", "2011-01-01T10:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c1", "2011-01-21T10:00:00Z", line("A", 1, 100)));
            app.readFeatures();
            // c1's pending timer was 2011-01-31 (30 days after o1); o2 moved it to 2011-01-28 (7 days after o2).
            app.send(purchase("o3", "c2", "2011-02-02T00:00:00Z", line("A", 1, 100)));

            assertThat(app.readFeatures()).extracting(kv -> kv.key, kv -> kv.value.getAsOf()).containsExactly(
                    tuple("c1", Instant.parse("2011-01-28T10:00:00Z")),
                    tuple("c2", Instant.parse("2011-02-02T00:00:00Z")));
        }
    }

    @Test
    void aRegularBuyerIsAlsoCheckedWhenOneAndAHalfMeanGapsHavePassed() {
        try (TopologyHarness app = new TopologyHarness(settings(TimerMode.EVENT_TIME))) {
            app.send(purchase("o1", "c1", "2011-01-01T00:00:00Z", line("A", 1, 100)));
            app.send(purchase("o2", "c1", "2011-01-03T00:00:00Z", line("A", 1, 100)));
            app.send(purchase("o3", "c1", "2011-01-05T00:00:00Z", line("A", 1, 100)));
            app.readFeatures();
            app.send(purchase("o4", "c2", "2011-01-10T00:00:00Z", line("A", 1, 100)));

            assertThat(app.readFeatures()).extracting(kv -> kv.key, kv -> kv.value.getAsOf()).containsExactly(
                    tuple("c1", Instant.parse("2011-01-08T00:00:00Z")),
                    tuple("c2", Instant.parse("2011-01-10T00:00:00Z")));
        }
    }

    @Test
    void inWallClockModeTheClockAgesCustomersWithoutAnyNewRecord() {
        Instant now = Instant.parse("2012-06-01T00:00:00Z");
        try (TopologyHarness app = new TopologyHarness(settings(TimerMode.WALL_CLOCK), now)) {
            app.send(purchase("o1", "c1", now.minus(Duration.ofHours(1)), line("A", 1, 100)));
            assertThat(app.readFeatures()).hasSize(1);

            app.advanceWallClock(Duration.ofDays(6));
            assertThat(app.readFeatures()).isEmpty();

            app.advanceWallClock(Duration.ofDays(2));
            List<KeyValue<String, CustomerFeatures>> out = app.readFeatures();
            assertThat(out).extracting(kv -> kv.value.getAsOf())
                    .containsExactly(now.minus(Duration.ofHours(1)).plus(Duration.ofDays(7)));
            assertThat(out.get(0).value.getRecencyDays()).isCloseTo(7.0, within(1e-9));
        }
    }

    @Test
    void inEventTimeModeTheWallClockChangesNothing() {
        Instant now = Instant.parse("2012-06-01T00:00:00Z");
        try (TopologyHarness app = new TopologyHarness(settings(TimerMode.EVENT_TIME), now)) {
            app.send(purchase("o1", "c1", now.minus(Duration.ofHours(1)), line("A", 1, 100)));
            app.readFeatures();
            app.advanceWallClock(Duration.ofDays(30));
            assertThat(app.readFeatures()).isEmpty();
        }
    }

    @Test
    void defaultsAreTheDocumentedOffsets() {
        assertThat(FeatureSettings.defaults().inactivity().toString())
                .isEqualTo("offsets(days)=[7, 14, 30, 60, 90, 120, 180, 270, 365], gapMultiplier=1.5");
    }
}
