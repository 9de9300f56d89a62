package io.churnwatch.streams.features;

import java.time.Duration;

import io.churnwatch.streams.refresh.RefreshTrigger;
import io.churnwatch.streams.snapshots.CutoffSchedule;
import io.churnwatch.streams.snapshots.LabelHorizonCutoffs;
import io.churnwatch.streams.snapshots.MonthlyCutoffs;
import io.churnwatch.streams.timers.InactivitySchedule;
import io.churnwatch.streams.timers.TimerMode;

/**
 * @param grace how far (in event time) the stream must move past an event before it is applied; events that
 *     arrive out of order by up to this much are put back in order. 0 applies every event on arrival.
 * @param timerMode what "now" is for timers and snapshots
 * @param punctuationInterval how often the timer/snapshot punctuator runs (stream or wall-clock time)
 * @param inactivity when quiet customers are re-evaluated
 * @param cutoffs when point-in-time snapshots are taken: the training cutoffs and, by default, their label
 *     horizons (see {@link LabelHorizonCutoffs})
 * @param refreshPerSecond how many customers per second each task re-emits when a {@link RefreshTrigger} asks for
 *     it (a new model release): bounded so that a sweep over millions of customers never stalls live orders
 */
public record FeatureSettings(Duration grace, TimerMode timerMode, Duration punctuationInterval,
                              InactivitySchedule inactivity, CutoffSchedule cutoffs, int refreshPerSecond) {

    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(10);
    public static final Duration DEFAULT_PUNCTUATION_INTERVAL = Duration.ofSeconds(30);
    public static final int DEFAULT_LABEL_HORIZON_DAYS = 90;
    public static final int DEFAULT_REFRESH_PER_SECOND = 200;

    public FeatureSettings {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        if (punctuationInterval.isZero() || punctuationInterval.isNegative()) {
            throw new IllegalArgumentException("punctuation interval must be positive, got " + punctuationInterval);
        }
        if (refreshPerSecond < 0) {
            throw new IllegalArgumentException("refresh rate must be >= 0 (0 turns it off), got " + refreshPerSecond);
        }
    }

    public FeatureSettings(Duration grace, TimerMode timerMode, Duration punctuationInterval,
                           InactivitySchedule inactivity, CutoffSchedule cutoffs) {
        this(grace, timerMode, punctuationInterval, inactivity, cutoffs, DEFAULT_REFRESH_PER_SECOND);
    }

    public static FeatureSettings defaults() {
        return new FeatureSettings(DEFAULT_GRACE, TimerMode.EVENT_TIME, DEFAULT_PUNCTUATION_INTERVAL,
                InactivitySchedule.defaults(),
                LabelHorizonCutoffs.of(new MonthlyCutoffs(), DEFAULT_LABEL_HORIZON_DAYS));
    }

    public FeatureSettings withGrace(Duration newGrace) {
        return new FeatureSettings(newGrace, timerMode, punctuationInterval, inactivity, cutoffs, refreshPerSecond);
    }

    public FeatureSettings withTimerMode(TimerMode mode) {
        return new FeatureSettings(grace, mode, punctuationInterval, inactivity, cutoffs, refreshPerSecond);
    }

    public FeatureSettings withCutoffs(CutoffSchedule schedule) {
        return new FeatureSettings(grace, timerMode, punctuationInterval, inactivity, schedule, refreshPerSecond);
    }

    public FeatureSettings withRefreshPerSecond(int customers) {
        return new FeatureSettings(grace, timerMode, punctuationInterval, inactivity, cutoffs, customers);
    }
}
