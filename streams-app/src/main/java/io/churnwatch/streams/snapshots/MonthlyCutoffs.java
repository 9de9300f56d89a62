package io.churnwatch.streams.snapshots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A cutoff at 00:00 UTC on the first day of every month. */
public final class MonthlyCutoffs implements CutoffSchedule {

    @Override
    public long firstAfter(long epochMillis) {
        LocalDate firstOfMonth = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).withDayOfMonth(1);
        return toMillis(firstOfMonth.plusMonths(1));
    }

    @Override
    public long lastBefore(long epochMillis) {
        LocalDate firstOfMonth = LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC).withDayOfMonth(1);
        long candidate = toMillis(firstOfMonth);
        return candidate < epochMillis ? candidate : toMillis(firstOfMonth.minusMonths(1));
    }

    private static long toMillis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "monthly";
    }
}
