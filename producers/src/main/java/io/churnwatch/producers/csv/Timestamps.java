package io.churnwatch.producers.csv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The generic layout's timestamp column: epoch milliseconds ({@code 1291191960000}) or ISO-8601 with an offset
 * ({@code 2010-12-01T08:26:00Z}, {@code 2010-12-01T08:26:00+01:00}), or without one ({@code 2010-12-01T08:26:00},
 * {@code 2010-12-01 08:26}, {@code 2010-12-01}), read in the configured time zone.
 */
final class Timestamps {

    private final ZoneId zone;

    Timestamps(ZoneId zone) {
        this.zone = zone;
    }

    /** @throws DateTimeParseException if the text is none of the accepted forms */
    long toEpochMillis(String text) {
        if (isInteger(text)) {
            return Long.parseLong(text);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        if (iso.length() == 10) {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        if (hasOffset(iso)) {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant().toEpochMilli();
    }

    private static boolean isInteger(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        int start = text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** An offset is a trailing Z or a sign after the time part (the date's own dashes come before the T). */
    private static boolean hasOffset(String iso) {
        int t = iso.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = iso.substring(t);
        return time.endsWith("Z") || time.endsWith("z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }
}
