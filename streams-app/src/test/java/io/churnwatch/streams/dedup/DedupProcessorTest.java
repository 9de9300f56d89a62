package io.churnwatch.streams.dedup;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.streams.ProcessorContexts;

class DedupProcessorTest {

    @Test
    void aCopyWithinTheRetentionOnEitherSideIsADuplicateAndOneBeyondIsNew() {
        MockProcessorContext<String, OrderEvent> context = ProcessorContexts.create();
        ProcessorContexts.addWindowStore(context, DedupProcessor.SEEN_STORE, Duration.ofDays(30), Serdes.String(),
                Serdes.Long());
        DedupProcessor processor = new DedupProcessor(new DedupSettings(Duration.ofDays(30)));
        processor.init(context);

        Instant bought = Instant.parse("2011-03-01T10:00:00Z");
        process(processor, purchase("o1", "c1", bought, line("A", 1, 1)));
        process(processor, purchase("o1", "c1", bought, line("A", 1, 1)));                         // a retry
        process(processor, purchase("o1", "c1", bought.minus(Duration.ofDays(29)), line("A", 1, 1)));  // re-timed
        process(processor, purchase("o1", "c1", bought.plus(Duration.ofDays(29)), line("A", 1, 1)));
        process(processor, purchase("o2", "c1", bought, line("A", 1, 1)));
        process(processor, purchase("o1", "c1", bought.plus(Duration.ofDays(31)), line("A", 1, 1)));   // too late

        assertThat(context.forwarded()).extracting(forwarded -> forwarded.record().value().getOrderId())
                .containsExactly("o1", "o2", "o1");
    }

    private static void process(DedupProcessor processor, OrderEvent order) {
        processor.process(new Record<>(order.getCustomerId(), order, 0L));
    }
}
