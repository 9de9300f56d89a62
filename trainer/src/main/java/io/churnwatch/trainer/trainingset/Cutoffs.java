package io.churnwatch.trainer.trainingset;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Calendar arithmetic on cutoffs. Every cutoff is an instant; the calendar is UTC, as the stream's is. */
public final class Cutoffs {

    public static final double MILLIS_PER_DAY = 86_400_000.0;

    private Cutoffs() {
    }

    /** A training cutoff: 00:00 UTC on the first of a month. Label-horizon snapshots fall on other days. */
    public static boolean isMonthly(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getDayOfMonth() == 1 && utc.toLocalTime().equals(LocalTime.MIDNIGHT);
    }

    /** The end of the label window {@code (cutoff, cutoff + H]}. */
    public static Instant labelEnd(Instant cutoff, int horizonDays) {
        return cutoff.plus(Duration.ofDays(horizonDays));
    }

    /** The first monthly cutoff at or after {@code instant}. */
    public static Instant monthlyAtOrAfter(Instant instant) {
        LocalDate firstOfMonth = instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        Instant candidate = firstOfMonth.atStartOfDay(ZoneOffset.UTC).toInstant();
        return candidate.isBefore(instant) ? firstOfMonth.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : candidate;
    }

    /** Fractional days from {@code from} to {@code to} (negative when {@code to} is earlier). */
    public static double daysBetween(Instant from, Instant to) {
        return (to.toEpochMilli() - from.toEpochMilli()) / MILLIS_PER_DAY;
    }

    /** {@code yyyy-MM-dd} in UTC, the date part of a snapshot key. */
    public static String date(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** The calendar month (1-12, UTC) of an instant: the seasonality feature. */
    public static int month(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).getMonthValue();
    }
}
