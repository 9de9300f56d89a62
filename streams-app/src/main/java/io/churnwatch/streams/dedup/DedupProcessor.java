package io.churnwatch.streams.dedup;

import java.util.List;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.metrics.TaskCounters;
import io.churnwatch.streams.timers.TimeIndexedStore;

/**
 * Drops an order whose id was already seen. It runs after the repartition by customer id, so every copy of an
 * order reaches the same task. Memory is bounded: an id is remembered until stream time passes its event time
 * plus the retention, and a stream-time punctuator purges expired ids by range-scanning a time-indexed expiry
 * store (only the expired entries are read, never the whole store).
 */
public final class DedupProcessor implements Processor<String, OrderEvent, String, OrderEvent> {

    public static final String SEEN_STORE = "dedup-seen-orders";
    public static final String EXPIRY_STORE = "dedup-expiry";
    public static final String DUPLICATES_METRIC = "duplicates";
    private static final int PURGE_BATCH = 1_000;

    private final DedupSettings settings;
    private ProcessorContext<String, OrderEvent> context;
    private KeyValueStore<String, Long> seen;
    private TimeIndexedStore<byte[]> expiry;
    private TaskCounters counters;

    public DedupProcessor(DedupSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, OrderEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(SEEN_STORE);
        KeyValueStore<Bytes, byte[]> expiryStore = context.getStateStore(EXPIRY_STORE);
        this.expiry = new TimeIndexedStore<>(expiryStore);
        this.counters = new TaskCounters(context, "dedup");
        context.schedule(settings.purgeInterval(), PunctuationType.STREAM_TIME, this::purgeExpired);
    }

    @Override
    public void process(Record<String, OrderEvent> record) {
        String orderId = record.value().getOrderId();
        if (seen.get(orderId) != null) {
            counters.increment(DUPLICATES_METRIC);
            return;
        }
        long expiresAt = record.value().getEventTime().toEpochMilli() + settings.retention().toMillis();
        seen.put(orderId, expiresAt);
        expiry.put(expiresAt, orderId, new byte[0]);
        context.forward(record);
    }

    /** Forgets every id whose expiry is before the current stream time. */
    void purgeExpired(long streamTime) {
        List<TimeIndexedStore.Entry<byte[]>> expired;
        do {
            expired = expiry.before(streamTime, PURGE_BATCH);
            for (TimeIndexedStore.Entry<byte[]> entry : expired) {
                seen.delete(entry.id());
                expiry.delete(entry.time(), entry.id());
            }
        } while (expired.size() == PURGE_BATCH);
    }

    @Override
    public void close() {
        if (counters != null) {
            counters.close();
        }
    }
}
