package io.churnwatch.producers.source;

import io.churnwatch.schemas.OrderEvent;
import java.util.NoSuchElementException;

/**
 * The pull loop every CSV reader shares: read records until an order is ready in event-time order, count each
 * input line, and at the end of the file close what is still open and release everything held back. Subclasses
 * say what a record means ({@link #accept}) and how to close the orders still open ({@link #closeOpenOrders}).
 */
public abstract class CsvOrderSource implements OrderSource {

    protected final InputFile file;
    protected final ImportSummary summary = new ImportSummary();
    protected final EventTimeOrderer orderer;
    private boolean endOfFile;

    /** @param holdBackMillis how long (event time) finished orders are held back to be sorted */
    protected CsvOrderSource(InputFile file, long holdBackMillis) {
        this.file = file;
        this.orderer = new EventTimeOrderer(holdBackMillis);
    }

    /** One data record (the header has been read); {@link #summary} already counts it as an input line. */
    protected abstract void accept(CsvRecord record);

    /** The file has ended: hand every order still being assembled to {@link #orderer}. */
    protected abstract void closeOpenOrders();

    @Override
    public final boolean hasNext() {
        while (!orderer.hasReady() && !endOfFile) {
            readRecord();
        }
        return orderer.hasReady();
    }

    @Override
    public final OrderEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more orders in " + file.path());
        }
        OrderEvent event = orderer.poll();
        summary.recordEmitted(event);
        return event;
    }

    private void readRecord() {
        CsvRecord record = file.records().next();
        if (record == null) {
            endOfFile = true;
            closeOpenOrders();
            orderer.flush();
            return;
        }
        summary.recordInputLine();
        accept(record);
    }

    @Override
    public final double progress() {
        return endOfFile ? 1.0 : file.progress();
    }

    @Override
    public final ImportSummary summary() {
        return summary;
    }

    @Override
    public final void close() {
        file.close();
    }
}
