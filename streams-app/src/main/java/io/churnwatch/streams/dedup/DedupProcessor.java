package io.churnwatch.streams.dedup;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.metrics.TaskCounters;

/**
 * Drops an order whose id was already seen. It runs where orders are placed by customer id, so every copy of an
 * order reaches the same task. The ids live in a window store keyed by order id at the order's event time, with
 * the retention as its retention: RocksDB keeps them in time segments, and a segment is dropped whole once the
 * latest event time it has seen passes it by the retention, so memory stays bounded without deleting ids one by
 * one. A copy that arrives more than the retention after its original is taken as new; the retention is the bound.
 */
public final class DedupProcessor implements Processor<String, OrderEvent, String, OrderEvent> {

    public static final String SEEN_STORE = "dedup-order-ids";
    public static final String DUPLICATES_METRIC = "duplicates";

    private final DedupSettings settings;
    private ProcessorContext<String, OrderEvent> context;
    private WindowStore<String, Long> seen;
    private TaskCounters counters;

    public DedupProcessor(DedupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, OrderEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN_STORE);
        this.counters = new TaskCounters(context, "dedup");
    }

    @Override
    public void process(Record<String, OrderEvent> record) {
        String orderId = record.value().getOrderId();
        long eventTime = record.value().getEventTime().toEpochMilli();
        long retention = settings.retention().toMillis();
        // A producer's retry may carry another event time than the original: any copy within the retention counts.
        try (WindowStoreIterator<Long> copies = seen.fetch(orderId, Math.max(0, eventTime - retention),
                eventTime + retention)) {
            if (copies.hasNext()) {
                counters.increment(DUPLICATES_METRIC);
                return;
            }
        }
        seen.put(orderId, eventTime, eventTime);
        context.forward(record);
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
