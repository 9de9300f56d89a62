package io.churnwatch.streams.timers;

import java.util.Arrays;
import java.util.List;

import io.churnwatch.streams.features.CustomerState;

/**
 * When to look at a quiet customer again: at fixed offsets after the last purchase (by default 7, 14, 30, 60,
 * 90, 120, 180, 270 and 365 days) and when {@code gapMultiplier} (default 1.5) times the customer's mean gap
 * between purchases has passed, whichever of those comes next. After the last offset nothing more is scheduled
 * until the customer buys again.
 */
public final class InactivitySchedule {

    public static final List<Integer> DEFAULT_OFFSET_DAYS = List.of(7, 14, 30, 60, 90, 120, 180, 270, 365);
    public static final double DEFAULT_GAP_MULTIPLIER = 1.5;

    private final long[] offsetsMillis;
    private final double gapMultiplier;

    public InactivitySchedule(List<Integer> offsetDays, double gapMultiplier) {
        if (offsetDays.stream().anyMatch(days -> days == null || days <= 0)) {
            throw new IllegalArgumentException("inactivity offsets must be positive days, got " + offsetDays);
        }
        if (gapMultiplier < 0 || Double.isNaN(gapMultiplier)) {
            throw new IllegalArgumentException("gap multiplier must be >= 0 (0 turns it off), got " + gapMultiplier);
        }
        this.offsetsMillis = offsetDays.stream().mapToLong(days -> days * CustomerState.DAY_MS).sorted().toArray();
        this.gapMultiplier = gapMultiplier;
    }

    public static InactivitySchedule defaults() {
        return new InactivitySchedule(DEFAULT_OFFSET_DAYS, DEFAULT_GAP_MULTIPLIER);
    }

    /**
     * The first re-evaluation strictly after {@code afterExclusive} for a customer whose last purchase was at
     * {@code lastPurchase} with mean gap {@code meanGapDays} (NaN when unknown), or 0 when none is left.
     */
    public long nextDue(long lastPurchase, double meanGapDays, long afterExclusive) {
        long best = 0;
        for (long offset : offsetsMillis) {
            long due = lastPurchase + offset;
            if (due > afterExclusive) {
                best = due;
                break;
            }
        }
        if (gapMultiplier > 0 && meanGapDays > 0) {
            long gapDue = lastPurchase + Math.round(gapMultiplier * meanGapDays * CustomerState.DAY_MS);
            if (gapDue > afterExclusive && (best == 0 || gapDue < best)) {
                best = gapDue;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "offsets(days)=" + Arrays.toString(Arrays.stream(offsetsMillis).map(ms -> ms / CustomerState.DAY_MS)
                .toArray()) + ", gapMultiplier=" + gapMultiplier;
    }
}
