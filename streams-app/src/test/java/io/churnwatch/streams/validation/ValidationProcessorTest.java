package io.churnwatch.streams.validation;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.serde.WireFormatException;
import io.churnwatch.streams.ChurnwatchSerdes;
import io.churnwatch.streams.ProcessorContexts;
import io.churnwatch.streams.partitioning.CustomerPartitioning;

class ValidationProcessorTest {

    private static final CustomerPartitioning SIX_PARTITIONS = new CustomerPartitioning(6);

    private final ChurnwatchSerdes serdes = ChurnwatchSerdes.forRegistryUrl("mock://validation-processor-test");

    @Test
    void acceptedOrdersAreKeyedByCustomerAndStampedWithEventTime() {
        MockProcessorContext<String, Validated> context = ProcessorContexts.create();
        ValidationProcessor processor = new ValidationProcessor(serdes.orderDeserializer(), ValidationSettings.defaults(),
                SIX_PARTITIONS);
        processor.init(context);
        context.setCurrentSystemTimeMs(Instant.parse("2012-01-01T00:00:00Z").toEpochMilli());
        OrderEvent order = purchase("o1", "c7", "2011-05-01T12:00:00Z", line("A", 1, 100));

        processor.process(new Record<>("o1", serdes.orders().serializer().serialize("orders", order), 5L));

        var out = context.forwarded().get(0).record();
        assertThat(out.key()).isEqualTo("c7");
        assertThat(out.timestamp()).isEqualTo(order.getEventTime().toEpochMilli());
        assertThat(((Validated.Accepted) out.value()).order()).isEqualTo(order);
    }

    @Test
    void theDlqRecordNamesItsSourcePartitionAndOffset() {
        MockProcessorContext<String, Validated> context = ProcessorContexts.create();
        ValidationProcessor processor = new ValidationProcessor(serdes.orderDeserializer(), ValidationSettings.defaults(),
                SIX_PARTITIONS);
        processor.init(context);
        context.setRecordMetadata("orders", 3, 1234L);

        processor.process(new Record<>("k", new byte[] {9, 9, 9, 9, 9, 9}, 5L));

        var out = context.forwarded().get(0).record();
        assertThat(DlqHeaders.read(out.headers(), DlqHeaders.REASON)).isEqualTo("UNDECODABLE_UNKNOWN_MAGIC_BYTE");
        assertThat(DlqHeaders.read(out.headers(), DlqHeaders.PARTITION)).isEqualTo("3");
        assertThat(DlqHeaders.read(out.headers(), DlqHeaders.OFFSET)).isEqualTo("1234");
        assertThat(((Validated.Rejected) out.value()).originalValue()).containsExactly(9, 9, 9, 9, 9, 9);
        assertThat(out.timestamp()).isEqualTo(5L);
    }

    @Test
    void anUnreachableRegistryIsRetriedNotDeadLettered() {
        MockProcessorContext<String, Validated> context = ProcessorContexts.create();
        ValidationProcessor processor = new ValidationProcessor((topic, bytes) -> {
            throw new WireFormatException(WireFormatException.Reason.REGISTRY_UNAVAILABLE, 1, "registry down");
        }, ValidationSettings.defaults(),
                SIX_PARTITIONS);
        processor.init(context);

        assertThatThrownBy(() -> processor.process(new Record<>("k", new byte[] {0, 0, 0, 0, 1, 2}, 5L)))
                .isInstanceOf(WireFormatException.class);
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void anOrderKeyedByItsCustomerInItsCustomersPartitionIsMarkedAlreadyPlaced() {
        MockProcessorContext<String, Validated> context = ProcessorContexts.create();
        ValidationProcessor processor = new ValidationProcessor(serdes.orderDeserializer(), ValidationSettings.defaults(),
                SIX_PARTITIONS);
        processor.init(context);
        context.setCurrentSystemTimeMs(Instant.parse("2012-01-01T00:00:00Z").toEpochMilli());
        OrderEvent order = purchase("o1", "c7", "2011-05-01T12:00:00Z", line("A", 1, 100));
        byte[] bytes = serdes.orders().serializer().serialize("orders", order);
        int home = CustomerPartitioning.partitionOf("c7", 6);

        context.setRecordMetadata("orders", home, 1L);
        processor.process(new Record<>("c7", bytes, 5L));                 // keyed by customer, home partition
        context.setRecordMetadata("orders", (home + 1) % 6, 2L);
        processor.process(new Record<>("c7", bytes, 5L));                 // keyed by customer, another partition
        context.setRecordMetadata("orders", home, 3L);
        processor.process(new Record<>("o1", bytes, 5L));                 // keyed by order id

        assertThat(context.forwarded()).extracting(forwarded -> ((Validated.Accepted) forwarded.record().value())
                .alreadyPlaced()).containsExactly(true, false, false);
        List<String> keys = context.forwarded().stream().map(forwarded -> (String) forwarded.record().key()).toList();
        assertThat(keys).containsOnly("c7");
    }
}
