package io.churnwatch.serving.customers;

import java.time.Clock;

import io.churnwatch.streams.features.FeatureSettings;
import io.churnwatch.streams.timers.TimerMode;

/**
 * What "now" is for a customer's live features: the same instant the stream would compute them at. The state
 * holds every event at or before its task's released watermark W and none after it, so features as of W are
 * exact. In wall-clock mode the stream's W moves with the machine clock (clock - grace) between punctuations too.
 */
public final class FeatureClock {

    private final FeatureSettings settings;
    private final Clock clock;

    public FeatureClock(FeatureSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param lastEventTime     the customer's newest applied event
     * @param releasedWatermark the task's released watermark, or null when unknown
     */
    public long asOf(long lastEventTime, Long releasedWatermark) {
        long asOf = lastEventTime;
        if (releasedWatermark != null) {
            asOf = Math.max(asOf, releasedWatermark);
        }
        if (settings.timerMode() == TimerMode.WALL_CLOCK) {
            asOf = Math.max(asOf, clock.millis() - settings.grace().toMillis());
        }
        return asOf;
    }
}
