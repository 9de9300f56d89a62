package io.churnwatch.streams;

import java.time.Duration;
import java.util.List;

import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.snapshots.MonthlyCutoffs;
import io.churnwatch.streams.timers.InactivitySchedule;

/** Topology settings for tests that look at one thing at a time. */
public final class TestSettings {

    private TestSettings() {
    }

    /**
     * Events applied on arrival, no inactivity timers, monthly snapshots without label horizons: one feature record
     * per event, one snapshot per customer and month.
     */
    public static TopologySettings immediateWithoutTimers() {
        return withGraceAndNoTimers(Duration.ZERO);
    }

    public static TopologySettings withGraceAndNoTimers(Duration grace) {
        TopologySettings defaults = TopologySettings.defaults();
        FeatureSettings features = defaults.features();
        return defaults.withFeatures(new FeatureSettings(grace, features.timerMode(), features.punctuationInterval(),
                new InactivitySchedule(List.of(), 0), new MonthlyCutoffs()));
    }
}
