package io.churnwatch.streams.snapshots;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The instants at which feature snapshots are taken (training cutoffs). Events at or before a cutoff count in
 * its snapshot. Implementations are calendar-aligned so that every task and every run agree on the cutoffs.
 */
public interface CutoffSchedule {

    /** The first cutoff strictly after {@code epochMillis}. */
    long firstAfter(long epochMillis);

    /** The last cutoff strictly before {@code epochMillis}. */
    long lastBefore(long epochMillis);

    /**
     * Parses {@code monthly} (00:00 UTC on the first of every month, the default) or {@code every-N-days}
     * (every N days from the epoch, 00:00 UTC), e.g. {@code every-7-days}.
     */
    static CutoffSchedule parse(String text) {
        String normalized = text.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("monthly")) {
            return new MonthlyCutoffs();
        }
        if (normalized.startsWith("every-") && normalized.endsWith("-days")) {
            String days = normalized.substring("every-".length(), normalized.length() - "-days".length());
            try {
                return new FixedIntervalCutoffs(Integer.parseInt(days));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("snapshot cutoffs must be 'monthly' or 'every-N-days', got '" + text + "'");
    }

    /** The snapshot key {@code customerId|yyyy-MM-dd} of the feature-snapshots topic. */
    static String snapshotKey(String customerId, long cutoff) {
        return customerId + "|" + DateTimeFormatter.ISO_LOCAL_DATE.format(
                LocalDate.ofInstant(Instant.ofEpochMilli(cutoff), ZoneOffset.UTC));
    }
}
