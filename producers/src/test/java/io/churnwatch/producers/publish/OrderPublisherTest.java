package io.churnwatch.producers.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Counting logic only; publishing to a real broker is in ReplayIntegrationTest. */
class OrderPublisherTest {

    private static OrderEvent event(String orderId, String customerId) {
        return new OrderEvent(orderId, customerId, Instant.parse("2011-01-10T10:00:00Z"), OrderKind.PURCHASE,
                List.of(new OrderLine("85048", null, 1, 695L)), "GBP", "United Kingdom");
    }

    private static final Serializer<OrderEvent> BYTES = (topic, event) -> event.getOrderId().getBytes();

    @Test
    void keysByCustomerAndCountsAcknowledgedAndFailedSends() {
        MockProducer<String, OrderEvent> mock = new MockProducer<>(false, null, new StringSerializer(), BYTES);
        try (OrderPublisher publisher = new OrderPublisher(mock, "orders")) {
            publisher.send(event("1", "12345"));
            publisher.send(event("2", "12346"));
            publisher.send(event("3", "12345"));
            assertThat(publisher.inFlight()).isEqualTo(3);

            mock.completeNext();
            mock.errorNext(new TimeoutException("no broker"));
            mock.completeNext();

            PublishResult result = publisher.finish();
            assertThat(result.attempted()).isEqualTo(3);
            assertThat(result.acknowledged()).isEqualTo(2);
            assertThat(result.failed()).isEqualTo(1);
            assertThat(result.succeeded()).isFalse();
            assertThat(result.firstFailure()).contains("no broker");
            assertThat(mock.history()).extracting(r -> r.key()).containsExactly("12345", "12346", "12345");
            assertThat(mock.history()).extracting(r -> r.topic()).containsOnly("orders");
        }
    }

    @Test
    void countsASerializationErrorAsAFailureInsteadOfThrowing() {
        Serializer<OrderEvent> failing = (topic, event) -> {
            throw new SerializationException("schema registry unreachable");
        };
        MockProducer<String, OrderEvent> mock = new MockProducer<>(true, null, new StringSerializer(), failing);
        try (OrderPublisher publisher = new OrderPublisher(mock, "orders")) {
            publisher.send(event("1", "12345"));

            assertThat(publisher.hasFailed()).isTrue();
            assertThat(publisher.finish().firstFailure()).contains("schema registry unreachable");
        }
    }

    @Test
    void settingsTurnOnIdempotenceAndTheWireFormatSerializer() {
        var props = new PublisherSettings("b:9092", "mock://x", "orders").producerProperties();

        assertThat(props).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "b:9092")
                .containsEntry("schema.registry.url", "mock://x")
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        "io.churnwatch.schemas.serde.AvroSerializer");
    }
}
