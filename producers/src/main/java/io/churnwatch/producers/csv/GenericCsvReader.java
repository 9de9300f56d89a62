package io.churnwatch.producers.csv;

import io.churnwatch.producers.source.CsvRecord;
import io.churnwatch.producers.source.CsvOrderSource;
import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.producers.source.InputFile;
import io.churnwatch.producers.source.InvalidInputException;
import io.churnwatch.producers.source.RowFormatException;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the project's generic CSV layout (documented in producers/README.md): one row per order line, the rows of
 * an order adjacent, grouped by {@code order_id}. Bad rows are skipped and counted, and the first ones are kept
 * with their line numbers in the summary's problems. Events come out in event-time order for files that are
 * sorted by time to within {@link #REORDER_WINDOW}.
 */
public final class GenericCsvReader extends CsvOrderSource {

    /** Orders are held this long (in event time) to be re-sorted; later stragglers are sent as they come. */
    public static final Duration REORDER_WINDOW = Duration.ofHours(1);
    public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
    public static final String DEFAULT_CURRENCY = "GBP";

    private final GenericCsvRowParser parser;
    private final Set<String> finishedOrderIds = new HashSet<>();
    private final List<GenericCsvRow> current = new ArrayList<>();
    private String currentOrderId;
    private long currentFirstTime = Long.MAX_VALUE;

    private GenericCsvReader(InputFile file, ZoneId zone, String defaultCurrency) {
        super(file, REORDER_WINDOW.toMillis());
        CsvRecord header = file.records().next();
        if (header == null) {
            throw new InvalidInputException(file.path() + " is empty: expected a header such as"
                    + " customer_id,order_id,timestamp,amount");
        }
        this.parser = new GenericCsvRowParser(GenericCsvColumns.detect(header.fields()), zone, defaultCurrency);
    }

    /**
     * @param zone for timestamps without an offset
     */
    public static GenericCsvReader open(Path path, ZoneId zone) {
        InputFile file = InputFile.open(path);
        try {
            return new GenericCsvReader(file, zone, DEFAULT_CURRENCY);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    public static GenericCsvReader open(Path path) {
        return open(path, DEFAULT_ZONE);
    }

    public static ImportResult readAll(Path path) {
        return ImportResult.drain(open(path));
    }

    @Override
    protected void accept(CsvRecord record) {
        try {
            GenericCsvRowParser.Parsed parsed = parser.parse(record);
            if (parsed instanceof GenericCsvRowParser.Skip skip) {
                summary.recordSkip(skip.reason());
            } else if (parsed instanceof GenericCsvRowParser.Row row) {
                add(row.row());
            }
        } catch (RowFormatException e) {
            summary.recordProblem(SkipReason.MALFORMED_ROW, e.getMessage());
        }
    }

    private void add(GenericCsvRow row) {
        summary.recordInputCustomer(row.customerId());
        if (!row.orderId().equals(currentOrderId)) {
            if (finishedOrderIds.contains(row.orderId())) {
                summary.recordProblem(SkipReason.SPLIT_ORDER, "line " + row.lineNumber() + ": order '"
                        + row.orderId() + "' continues after other orders (rows of one order must be adjacent)");
                return;
            }
            finishCurrent();
            currentOrderId = row.orderId();
        } else if (!fitsCurrent(row)) {
            summary.recordProblem(SkipReason.INCONSISTENT_ORDER, "line " + row.lineNumber() + ": order '"
                    + row.orderId() + "' changes its customer, kind or currency");
            return;
        }
        current.add(row);
        currentFirstTime = Math.min(currentFirstTime, row.eventTime());
        orderer.advance(row.eventTime(), currentFirstTime);
    }

    private boolean fitsCurrent(GenericCsvRow row) {
        if (current.isEmpty()) {
            return true;
        }
        GenericCsvRow first = current.get(0);
        return first.customerId().equals(row.customerId()) && first.kind() == row.kind()
                && first.currency().equals(row.currency());
    }

    private void finishCurrent() {
        if (currentOrderId != null) {
            finishedOrderIds.add(currentOrderId);
        }
        if (!current.isEmpty()) {
            orderer.add(toEvent(current, currentFirstTime));
        }
        current.clear();
        currentOrderId = null;
        currentFirstTime = Long.MAX_VALUE;
    }

    private static OrderEvent toEvent(List<GenericCsvRow> rows, long eventTime) {
        GenericCsvRow first = rows.get(0);
        List<OrderLine> lines = new ArrayList<>(rows.size());
        for (GenericCsvRow row : rows) {
            lines.add(new OrderLine(row.sku(), null, row.quantity(), row.unitPriceMinor()));
        }
        String country = rows.stream().map(GenericCsvRow::country).filter(Objects::nonNull).findFirst().orElse(null);
        return new OrderEvent(first.orderId(), first.customerId(), Instant.ofEpochMilli(eventTime), first.kind(),
                lines, first.currency(), country);
    }

    @Override
    protected void closeOpenOrders() {
        finishCurrent();
    }
}
