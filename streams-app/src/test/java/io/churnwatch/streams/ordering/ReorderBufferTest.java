package io.churnwatch.streams.ordering;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ProcessorContexts;
import io.churnwatch.streams.timers.TimeIndexedStore;

class ReorderBufferTest {

    private final MockProcessorContext<Object, Object> context = ProcessorContexts.create();
    private final KeyValueStore<Bytes, OrderEvent> store = ProcessorContexts.addStore(context, "buffer",
            Serdes.Bytes(), ChurnwatchSerdes.forRegistryUrl("mock://reorder-buffer-test").orders());

    @Test
    void ordersComeOutInEventTimeOrderAndABufferRebuiltFromItsStoreHoldsTheSame() {
        ReorderBuffer buffer = new ReorderBuffer(store);
        buffer.add(purchase("o3", "c1", "2011-05-01T12:03:00Z", line("A", 1, 1)));
        buffer.add(purchase("o1", "c2", "2011-05-01T12:01:00Z", line("A", 1, 1)));
        buffer.add(purchase("o2", "c1", "2011-05-01T12:02:00Z", line("A", 1, 1)));

        assertThat(buffer.firstAtOrBefore(Instant.parse("2011-05-01T12:00:59Z").toEpochMilli())).isEmpty();
        TimeIndexedStore.Entry<OrderEvent> first = buffer.firstAtOrBefore(Long.MAX_VALUE).orElseThrow();
        assertThat(first.id()).isEqualTo("o1");
        buffer.remove(first);

        // After a restart or a rebalance the task builds its buffer again from the (restored) store.
        ReorderBuffer rebuilt = new ReorderBuffer(store);
        assertThat(drain(rebuilt)).isEqualTo("o2 o3");
        assertThat(store.approximateNumEntries()).isZero();
    }

    private static String drain(ReorderBuffer buffer) {
        StringBuilder ids = new StringBuilder();
        for (var next = buffer.firstAtOrBefore(Long.MAX_VALUE); next.isPresent(); next = buffer.firstAtOrBefore(Long.MAX_VALUE)) {
            ids.append(ids.isEmpty() ? "" : " ").append(next.get().id());
            buffer.remove(next.get());
        }
        return ids.toString();
    }
}
