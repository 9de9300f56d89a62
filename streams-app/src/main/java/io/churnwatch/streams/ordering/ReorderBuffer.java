package io.churnwatch.streams.ordering;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.timers.TimeIndexedStore;

/**
 * Orders waiting for the stream to move far enough past them, keyed by (event time, order id) so that they
 * come out in event-time order, ties by order id, whatever order they arrived in.
 *
 * <p>The buffer only ever holds the last grace period of orders, and it is asked for its earliest entry once
 * per order, so it is answered from a sorted map in memory; the store behind it (changelogged) is written
 * through and read once, when a task starts, to rebuild the map after a restart or a rebalance.
 */
public final class ReorderBuffer {

    private final KeyValueStore<Bytes, OrderEvent> store;
    private final TreeMap<Bytes, TimeIndexedStore.Entry<OrderEvent>> waiting = new TreeMap<>();

    public ReorderBuffer(KeyValueStore<Bytes, OrderEvent> store) {
        this.store = store;
        try (KeyValueIterator<Bytes, OrderEvent> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<Bytes, OrderEvent> next = all.next();
                waiting.put(next.key, entry(next.value));
            }
        }
    }

    public void add(OrderEvent order) {
        TimeIndexedStore.Entry<OrderEvent> entry = entry(order);
        Bytes key = TimeIndexedStore.key(entry.time(), entry.id());
        store.put(key, order);
        waiting.put(key, entry);
    }

    /** The earliest buffered order with an event time at or before {@code untilInclusive}. */
    public Optional<TimeIndexedStore.Entry<OrderEvent>> firstAtOrBefore(long untilInclusive) {
        Map.Entry<Bytes, TimeIndexedStore.Entry<OrderEvent>> first = waiting.firstEntry();
        return first != null && first.getValue().time() <= untilInclusive ? Optional.of(first.getValue())
                : Optional.empty();
    }

    public void remove(TimeIndexedStore.Entry<OrderEvent> entry) {
        Bytes key = TimeIndexedStore.key(entry.time(), entry.id());
        store.delete(key);
        waiting.remove(key);
    }

    private static TimeIndexedStore.Entry<OrderEvent> entry(OrderEvent order) {
        return new TimeIndexedStore.Entry<>(order.getEventTime().toEpochMilli(), order.getOrderId(), order);
    }
}
