package io.churnwatch.producers.csv;

import io.churnwatch.producers.source.CsvRecord;
import io.churnwatch.producers.source.MinorUnits;
import io.churnwatch.producers.source.RowFormatException;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderKind;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;

/**
 * Reads one row of the generic layout (see producers/README.md). A row is a return if {@code kind} says RETURN,
 * or the amount or the quantity is negative; {@code kind=PURCHASE} with a negative amount or quantity is a
 * contradiction and an error. The amount is the row's total in major units; the unit price is that total divided
 * by the quantity, in minor units rounded half-up.
 */
final class GenericCsvRowParser {

    static final String DEFAULT_SKU = "UNSPECIFIED";

    private final GenericCsvColumns columns;
    private final Timestamps timestamps;
    private final String defaultCurrency;

    GenericCsvRowParser(GenericCsvColumns columns, ZoneId zone, String defaultCurrency) {
        this.columns = columns;
        this.timestamps = new Timestamps(zone);
        this.defaultCurrency = defaultCurrency;
    }

    /** A parsed row, or a skip for rows that are well-formed but carry nothing to send. */
    sealed interface Parsed permits Row, Skip {
    }

    record Row(GenericCsvRow row) implements Parsed {
    }

    record Skip(SkipReason reason) implements Parsed {
    }

    Parsed parse(CsvRecord record) throws RowFormatException {
        long line = record.lineNumber();
        if (record.size() != columns.width()) {
            throw new RowFormatException(line, "expected " + columns.width() + " fields, found " + record.size());
        }
        String orderId = field(record, columns.orderId());
        if (orderId.isEmpty()) {
            throw new RowFormatException(line, "order_id is empty");
        }
        long eventTime = eventTime(record, line);
        String currency = currency(record, line);
        BigDecimal amount = decimal(record, line);
        int quantity = quantity(record, line);
        OrderKind kind = kind(record, line, amount, quantity);
        String customerId = field(record, columns.customerId());
        if (customerId.isEmpty()) {
            return new Skip(SkipReason.NO_CUSTOMER_ID);
        }
        long totalMinor = MinorUnits.toMinor(amount.abs(), Currency.getInstance(currency).getDefaultFractionDigits());
        long unitPriceMinor = MinorUnits.divide(totalMinor, Math.abs(quantity));
        if (unitPriceMinor <= 0) {
            return new Skip(SkipReason.NON_POSITIVE_PRICE);
        }
        String sku = field(record, columns.sku());
        String country = field(record, columns.country());
        return new Row(new GenericCsvRow(line, customerId, orderId, eventTime, kind,
                sku.isEmpty() ? DEFAULT_SKU : sku, Math.abs(quantity), unitPriceMinor,
                country.isEmpty() ? null : country, currency));
    }

    private long eventTime(CsvRecord record, long line) throws RowFormatException {
        String text = field(record, columns.timestamp());
        try {
            return timestamps.toEpochMillis(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new RowFormatException(line, "timestamp '" + text
                    + "' is neither epoch milliseconds nor an ISO-8601 date-time");
        }
    }

    private String currency(CsvRecord record, long line) throws RowFormatException {
        String text = field(record, columns.currency()).toUpperCase(Locale.ROOT);
        String code = text.isEmpty() ? defaultCurrency : text;
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new RowFormatException(line, "currency '" + code + "' is not an ISO 4217 code");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new RowFormatException(line, "currency '" + code + "' is not money (no minor unit), e.g. XXX or XAU");
        }
        return code;
    }

    private BigDecimal decimal(CsvRecord record, long line) throws RowFormatException {
        String text = field(record, columns.amount());
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new RowFormatException(line, "amount '" + text + "' is not a decimal number");
        }
    }

    private int quantity(CsvRecord record, long line) throws RowFormatException {
        String text = field(record, columns.quantity());
        if (text.isEmpty()) {
            return 1;
        }
        int quantity;
        try {
            quantity = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RowFormatException(line, "quantity '" + text + "' is not a whole number");
        }
        if (quantity == 0) {
            throw new RowFormatException(line, "quantity is 0");
        }
        return quantity;
    }

    private OrderKind kind(CsvRecord record, long line, BigDecimal amount, int quantity) throws RowFormatException {
        String text = field(record, columns.kind()).toUpperCase(Locale.ROOT);
        boolean negative = amount.signum() < 0 || quantity < 0;
        return switch (text) {
            case "" -> negative ? OrderKind.RETURN : OrderKind.PURCHASE;
            case "RETURN" -> OrderKind.RETURN;
            case "PURCHASE" -> {
                if (negative) {
                    throw new RowFormatException(line, "kind is PURCHASE but the amount or quantity is negative");
                }
                yield OrderKind.PURCHASE;
            }
            default -> throw new RowFormatException(line, "kind '" + text + "' is neither PURCHASE nor RETURN");
        };
    }

    private static String field(CsvRecord record, int column) {
        return column < 0 ? "" : record.field(column).trim();
    }
}
