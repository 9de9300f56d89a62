package io.churnwatch.producers.onlineretail;

import io.churnwatch.producers.source.CsvRecord;
import io.churnwatch.producers.source.LineHash;
import io.churnwatch.producers.source.MinorUnits;
import io.churnwatch.producers.source.RowFormatException;
import java.time.format.DateTimeParseException;

/** Turns one CSV record of an Online Retail file into an {@link OnlineRetailLine}, or says what is wrong with it. */
final class OnlineRetailLineParser {

    private static final int PENCE_DIGITS = 2;

    private final OnlineRetailLayout.Columns columns;
    private final InvoiceDates dates = new InvoiceDates();

    OnlineRetailLineParser(OnlineRetailLayout.Columns columns) {
        this.columns = columns;
    }

    OnlineRetailLine parse(CsvRecord record) throws RowFormatException {
        long line = record.lineNumber();
        if (record.size() != columns.width()) {
            throw new RowFormatException(line, "expected " + columns.width() + " fields, found " + record.size());
        }
        String invoice = record.field(columns.invoice()).trim();
        if (invoice.isEmpty()) {
            throw new RowFormatException(line, "empty invoice number");
        }
        String stockCode = record.field(columns.stockCode()).trim();
        String description = record.field(columns.description()).trim();
        return new OnlineRetailLine(line, invoice, stockCode, description.isEmpty() ? null : description,
                quantity(record, line), eventTime(record, line), price(record, line), customerId(record, line),
                emptyToNull(record.field(columns.country()).trim()), LineHash.of(record.fields()));
    }

    private int quantity(CsvRecord record, long line) throws RowFormatException {
        String text = stripZeroFraction(record.field(columns.quantity()).trim());
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RowFormatException(line, "quantity '" + text + "' is not a whole number");
        }
    }

    private long eventTime(CsvRecord record, long line) throws RowFormatException {
        String text = record.field(columns.invoiceDate());
        try {
            return dates.toEpochMillis(text);
        } catch (DateTimeParseException e) {
            throw new RowFormatException(line, "InvoiceDate '" + text
                    + "' is neither yyyy-MM-dd HH:mm[:ss] nor M/d/yyyy H:mm[:ss]");
        }
    }

    private long price(CsvRecord record, long line) throws RowFormatException {
        String text = record.field(columns.price()).trim();
        try {
            return MinorUnits.parse(text, PENCE_DIGITS);
        } catch (NumberFormatException e) {
            throw new RowFormatException(line, "price '" + text + "' is not a decimal number");
        }
    }

    /** Spreadsheet exports write the id as a float ("12345.0"); the id is the integer. Empty means missing. */
    private String customerId(CsvRecord record, long line) throws RowFormatException {
        String text = stripZeroFraction(record.field(columns.customerId()).trim());
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                throw new RowFormatException(line, "customer id '" + text + "' is not an integer");
            }
        }
        return text;
    }

    /** "12345.0" and "12345.00" become "12345"; anything else is returned unchanged. */
    static String stripZeroFraction(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        for (int i = dot + 1; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return text;
            }
        }
        return text.substring(0, dot);
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
