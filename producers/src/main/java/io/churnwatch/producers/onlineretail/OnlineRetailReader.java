package io.churnwatch.producers.onlineretail;

import io.churnwatch.producers.source.CsvRecord;
import io.churnwatch.producers.source.CsvOrderSource;
import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.producers.source.InputFile;
import io.churnwatch.producers.source.InvalidInputException;
import io.churnwatch.producers.source.RowFormatException;
import io.churnwatch.producers.source.SkipReason;
import io.churnwatch.schemas.OrderEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Reads a UCI Online Retail or Online Retail II CSV file (plain or .gz) as {@link OrderEvent}s in event-time
 * order: one event per invoice, cancellations as returns, money in pence, times from UK local time, the overlap of
 * the two Online Retail II sheets de-duplicated, and non-purchase lines skipped and counted (see
 * {@link LineFilter} and {@link NonProductCodes}).
 *
 * <pre>{@code
 * try (Stream<OrderEvent> events = OnlineRetailReader.read(path)) { ... }
 * ImportResult all = OnlineRetailReader.readAll(path);   // events and the summary
 * }</pre>
 */
public final class OnlineRetailReader extends CsvOrderSource {

    /**
     * How far the file's clock must move from an invoice before it counts as complete. Interleaved invoices of one
     * minute and invoices spanning two minutes are well inside it; it is also how long finished orders are held
     * back to be sorted.
     */
    public static final Duration INVOICE_CLOSE_AFTER = Duration.ofMinutes(10);

    private final OnlineRetailLayout.Columns columns;
    private final OnlineRetailLineParser parser;
    private final InvoiceAssembler assembler;

    private OnlineRetailReader(InputFile file) {
        super(file, INVOICE_CLOSE_AFTER.toMillis());
        CsvRecord header = file.records().next();
        if (header == null) {
            throw new InvalidInputException(file.path() + " is empty: expected an Online Retail header");
        }
        this.columns = OnlineRetailLayout.detect(header.fields());
        this.parser = new OnlineRetailLineParser(columns);
        this.assembler = new InvoiceAssembler(INVOICE_CLOSE_AFTER.toMillis(), summary, orderer::add);
    }

    /** Opens a file for pulling events one by one; close it when done. */
    public static OnlineRetailReader open(Path path) {
        InputFile file = InputFile.open(path);
        try {
            return new OnlineRetailReader(file);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The file's events as a stream; close the stream to close the file. */
    public static Stream<OrderEvent> read(Path path) {
        return open(path).stream();
    }

    /** Reads the whole file into memory with its summary: for tests and samples, not for the full data set. */
    public static ImportResult readAll(Path path) {
        return ImportResult.drain(open(path));
    }

    public OnlineRetailLayout layout() {
        return columns.layout();
    }

    @Override
    protected void accept(CsvRecord record) {
        OnlineRetailLine line;
        try {
            line = parser.parse(record);
        } catch (RowFormatException e) {
            summary.recordProblem(SkipReason.MALFORMED_ROW, e.getMessage());
            return;
        }
        assembler.add(line);
        orderer.advance(line.eventTime(), assembler.earliestOpenTime());
    }

    @Override
    protected void closeOpenOrders() {
        assembler.closeAll();
    }
}
