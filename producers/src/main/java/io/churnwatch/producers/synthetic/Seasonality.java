package io.churnwatch.producers.synthetic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * How busy a given moment is relative to the base purchase rate: a bell-shaped peak in November-December (gift
 * buying) and quieter weekends. Values are precomputed per day, so a lookup is an array index.
 */
final class Seasonality {

    private static final int PEAK_DAY_OF_YEAR = 325; // about 21 November
    private static final double PEAK_WIDTH_DAYS = 22.0;
    private static final double SATURDAY = 0.5;
    private static final double SUNDAY = 0.8;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long startMillis;
    private final double[] factorByDay;
    private final double maxFactor;

    Seasonality(LocalDate start, int days, ZoneId zone, double peak) {
        this.startMillis = start.atStartOfDay(zone).toInstant().toEpochMilli();
        this.factorByDay = new double[days];
        double max = 0;
        for (int i = 0; i < days; i++) {
            LocalDate day = start.plusDays(i);
            factorByDay[i] = seasonal(day, peak) * weekly(day.getDayOfWeek());
            max = Math.max(max, factorByDay[i]);
        }
        this.maxFactor = max;
    }

    /** The rate multiplier at a moment within the range. */
    double factor(long epochMillis) {
        int day = (int) Math.floorDiv(epochMillis - startMillis, DAY_MILLIS);
        return factorByDay[Math.max(0, Math.min(factorByDay.length - 1, day))];
    }

    /** The largest multiplier in the range: the envelope for thinning. */
    double maxFactor() {
        return maxFactor;
    }

    static double seasonal(LocalDate day, double peak) {
        int distance = Math.abs(day.getDayOfYear() - PEAK_DAY_OF_YEAR);
        distance = Math.min(distance, 365 - distance); // the bell wraps around New Year
        double z = distance / PEAK_WIDTH_DAYS;
        return 1.0 + peak * Math.exp(-0.5 * z * z);
    }

    static double weekly(DayOfWeek day) {
        return switch (day) {
            case SATURDAY -> SATURDAY;
            case SUNDAY -> SUNDAY;
            default -> 1.0;
        };
    }

    @Override
    public String toString() {
        return "Seasonality from " + Instant.ofEpochMilli(startMillis) + " over " + factorByDay.length + " days";
    }
}
