package io.churnwatch.streams.snapshots;

import java.time.Duration;

/**
 * A schedule plus its label horizons: every cutoff {@code c} of the base schedule and also {@code c + H}, merged in
 * time order (an instant that is both is taken once). The trainer labels a customer at {@code c} as churned iff
 * the purchase count in the snapshot at {@code c + H} equals the one at {@code c}, so the stream must snapshot
 * every customer at {@code c + H} as well.
 */
public final class LabelHorizonCutoffs implements CutoffSchedule {

    private final CutoffSchedule base;
    private final Duration horizon;
    private final long horizonMillis;

    public LabelHorizonCutoffs(CutoffSchedule base, Duration horizon) {
        if (horizon.isZero() || horizon.isNegative()) {
            throw new IllegalArgumentException("a label horizon must be positive, got " + horizon);
        }
        this.base = base;
        this.horizon = horizon;
        this.horizonMillis = horizon.toMillis();
    }

    /** The base schedule with horizons {@code days} after each of its cutoffs; the base itself when days is 0. */
    public static CutoffSchedule of(CutoffSchedule base, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("the label horizon must be 0 (off) or a number of days, got " + days);
        }
        return days == 0 ? base : new LabelHorizonCutoffs(base, Duration.ofDays(days));
    }

    @Override
    public long firstAfter(long epochMillis) {
        // A base cutoff c with c + H > t is exactly one with c > t - H.
        return Math.min(base.firstAfter(epochMillis), base.firstAfter(epochMillis - horizonMillis) + horizonMillis);
    }

    @Override
    public long lastBefore(long epochMillis) {
        return Math.max(base.lastBefore(epochMillis), base.lastBefore(epochMillis - horizonMillis) + horizonMillis);
    }

    public CutoffSchedule base() {
        return base;
    }

    public Duration horizon() {
        return horizon;
    }

    @Override
    public String toString() {
        return base + " + " + horizon.toDays() + "-day label horizons";
    }
}
