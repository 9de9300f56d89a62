package io.churnwatch.serving.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.timers.TimerMode;

class FeatureClockTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2012-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void inEventTimeFeaturesAreAsOfTheTasksReleasedWatermark() {
        FeatureClock clock = new FeatureClock(FeatureSettings.defaults(), NOW);
        assertThat(clock.asOf(1_000, 5_000L)).isEqualTo(5_000);
        assertThat(clock.asOf(1_000, null)).isEqualTo(1_000);
    }

    @Test
    void inWallClockModeTheyFollowTheClockLessTheGrace() {
        FeatureSettings wallClock = FeatureSettings.defaults().withGrace(Duration.ofMinutes(10));
        wallClock = new FeatureSettings(wallClock.grace(), TimerMode.WALL_CLOCK, wallClock.punctuationInterval(),
                wallClock.inactivity(), wallClock.cutoffs());
        FeatureClock clock = new FeatureClock(wallClock, NOW);
        assertThat(clock.asOf(1_000, 5_000L)).isEqualTo(NOW.millis() - Duration.ofMinutes(10).toMillis());
    }
}
