package io.churnwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.Topics;
import io.churnwatch.schemas.registry.HttpSchemaRegistryClient;
import io.churnwatch.schemas.registry.SchemaRegistryException;
import io.churnwatch.schemas.serde.AvroSerde;
import io.churnwatch.schemas.serde.AvroSerdes;
import io.churnwatch.testing.KafkaClusterExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The project's own registry client and Avro serde, against the embedded registry on a real broker. */
class ProjectSerdeAgainstRegistryTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers(), 0);
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void httpClientRegistersLooksUpAndFetches() {
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
        Schema schema = OrderEvent.getClassSchema();

        int id = client.register("client-test-value", schema);
        HttpSchemaRegistryClient fresh = new HttpSchemaRegistryClient(registry.url());
        assertThat(fresh.lookup("client-test-value", schema)).isEqualTo(id);
        assertThat(fresh.getById(id)).isEqualTo(schema);
        assertThatThrownBy(() -> fresh.getById(id + 1000))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThatThrownBy(() -> fresh.lookup("other-subject", schema))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void ordersRoundTripThroughKafkaWithTheProjectSerde() {
        String topic = "serde-orders";
        KAFKA.cluster().createTopics(topic);
        List<OrderEvent> sent = OrderFixtures.orders(8);

        try (AvroSerde<OrderEvent> serde = AvroSerdes.of(OrderEvent.class, registry.url());
             KafkaProducer<String, OrderEvent> producer = new KafkaProducer<>(KAFKA.cluster().producerProps(),
                     new StringSerializer(), serde.serializer())) {
            for (OrderEvent order : sent) {
                producer.send(new ProducerRecord<>(topic, order.getOrderId(), order));
            }
            producer.flush();
        }

        List<OrderEvent> received = new ArrayList<>();
        Properties props = KAFKA.cluster().consumerProps("serde-test");
        // A new client: it must fetch the writer schema by id from the registry, not from a shared cache.
        try (AvroSerde<OrderEvent> serde = AvroSerdes.of(OrderEvent.class, registry.url());
             KafkaConsumer<String, OrderEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                     serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, OrderEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
                return received.size() >= sent.size();
            });
        }
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(registry.service().versions(Topics.valueSubject(topic))).containsExactly(1);
    }
}
