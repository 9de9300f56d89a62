package io.churnwatch.producers.onlineretail;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Reads InvoiceDate as UK local time. The shop's clock followed British time, so 2011-06-01 10:00 is 09:00 UTC
 * (BST) and 2011-01-10 10:00 is 10:00 UTC (GMT). Two text forms occur in the wild:
 * {@code 2010-12-01 08:26:00} (Online Retail II, seconds optional) and {@code 12/1/2010 8:26} (exports of the first
 * data set, month first as in the original US-locale workbook). Clock-change edge cases follow
 * {@link java.time.ZonedDateTime#of}: a time in the spring-forward gap moves forward by the gap, an ambiguous
 * autumn time takes the earlier (BST) offset.
 */
final class InvoiceDates {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter();
    private static final DateTimeFormatter US_STYLE = new DateTimeFormatterBuilder()
            .appendPattern("M/d/yyyy H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter();

    /** Rows of one invoice share the date text, so one remembered conversion saves most of the parsing. */
    private String lastText;
    private long lastMillis;

    /** @throws DateTimeParseException if the text is in neither form */
    long toEpochMillis(String text) {
        if (text.equals(lastText)) {
            return lastMillis;
        }
        String trimmed = text.trim();
        DateTimeFormatter format = trimmed.indexOf('/') >= 0 ? US_STYLE : ISO_LIKE;
        long millis = LocalDateTime.parse(trimmed, format).atZone(LONDON).toInstant().toEpochMilli();
        lastText = text;
        lastMillis = millis;
        return millis;
    }
}
