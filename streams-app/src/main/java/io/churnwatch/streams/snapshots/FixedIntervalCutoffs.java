package io.churnwatch.streams.snapshots;

/** A cutoff every N days, aligned to the epoch (00:00 UTC). */
public final class FixedIntervalCutoffs implements CutoffSchedule {

    private static final long DAY_MS = 86_400_000L;

    private final int days;
    private final long intervalMillis;

    public FixedIntervalCutoffs(int days) {
        if (days <= 0) {
            throw new IllegalArgumentException("cutoff interval must be at least one day, got " + days);
        }
        this.days = days;
        this.intervalMillis = days * DAY_MS;
    }

    @Override
    public long firstAfter(long epochMillis) {
        return Math.floorDiv(epochMillis, intervalMillis) * intervalMillis + intervalMillis;
    }

    @Override
    public long lastBefore(long epochMillis) {
        return Math.floorDiv(epochMillis - 1, intervalMillis) * intervalMillis;
    }

    @Override
    public String toString() {
        return "every-" + days + "-days";
    }
}
