package io.churnwatch.streams.ordering;

import java.util.Optional;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.timers.TimeIndexedStore;

/**
 * Orders waiting for the stream to move far enough past them, keyed by (event time, order id) so that they
 * come out in event-time order, ties by order id, whatever order they arrived in.
 */
public final class ReorderBuffer {

    private final TimeIndexedStore<OrderEvent> index;

    public ReorderBuffer(KeyValueStore<Bytes, OrderEvent> store) {
        this.index = new TimeIndexedStore<>(store);
    }

    public void add(OrderEvent order) {
        index.put(order.getEventTime().toEpochMilli(), order.getOrderId(), order);
    }

    /** The earliest buffered order with an event time at or before {@code untilInclusive}. */
    public Optional<TimeIndexedStore.Entry<OrderEvent>> firstAtOrBefore(long untilInclusive) {
        return untilInclusive == Long.MAX_VALUE ? index.first(Long.MAX_VALUE) : index.first(untilInclusive + 1);
    }

    public void remove(TimeIndexedStore.Entry<OrderEvent> entry) {
        index.delete(entry.time(), entry.id());
    }
}
