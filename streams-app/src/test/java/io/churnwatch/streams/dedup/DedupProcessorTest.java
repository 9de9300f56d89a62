package io.churnwatch.streams.dedup;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.ProcessorContexts;

class DedupProcessorTest {

    @Test
    void thePurgePunctuatorForgetsOnlyExpiredIds() {
        MockProcessorContext<String, OrderEvent> context = ProcessorContexts.create();
        KeyValueStore<String, Long> seen = ProcessorContexts.addStore(context, DedupProcessor.SEEN_STORE,
                Serdes.String(), Serdes.Long());
        ProcessorContexts.addStore(context, DedupProcessor.EXPIRY_STORE, Serdes.Bytes(), Serdes.ByteArray());
        DedupProcessor processor = new DedupProcessor(new DedupSettings(Duration.ofDays(30), Duration.ofHours(1)));
        processor.init(context);
        var punctuator = context.scheduledPunctuators().get(0);
        assertThat(punctuator.getType()).isEqualTo(PunctuationType.STREAM_TIME);
        assertThat(punctuator.getInterval()).isEqualTo(Duration.ofHours(1));

        Instant early = Instant.parse("2011-01-01T00:00:00Z");
        Instant later = Instant.parse("2011-01-20T00:00:00Z");
        for (OrderEvent order : new OrderEvent[] {purchase("o1", "c1", early, line("A", 1, 1)),
                purchase("o2", "c1", later, line("A", 1, 1)), purchase("o1", "c1", early, line("A", 1, 1))}) {
            processor.process(new Record<>("c1", order, order.getEventTime().toEpochMilli()));
        }
        assertThat(context.forwarded()).hasSize(2);

        punctuator.getPunctuator().punctuate(early.plus(Duration.ofDays(30)).toEpochMilli());
        assertThat(seen.get("o1")).isNotNull();

        punctuator.getPunctuator().punctuate(early.plus(Duration.ofDays(30)).toEpochMilli() + 1);
        assertThat(seen.get("o1")).isNull();
        assertThat(seen.get("o2")).isNotNull();
    }
}
