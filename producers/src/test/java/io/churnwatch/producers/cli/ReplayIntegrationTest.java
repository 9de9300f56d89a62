package io.churnwatch.producers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.producers.onlineretail.OnlineRetailReader;
import io.churnwatch.producers.onlineretail.ProjectSample;
import io.churnwatch.producers.publish.OrderPublisher;
import io.churnwatch.producers.source.ImportResult;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.registry.InMemorySchemaRegistry;
import io.churnwatch.schemas.serde.AvroDeserializer;
import io.churnwatch.testing.KafkaTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays the project sample into a real broker with the wire-format serde and reads it back. */
class ReplayIntegrationTest {

    private static final String REGISTRY_SCOPE = "producers-replay-it";
    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
        InMemorySchemaRegistry.reset(REGISTRY_SCOPE);
    }

    private static int replay(ByteArrayOutputStream out, String... args) {
        Function<ReplayOptions, OrderPublisher> publishers =
                options -> OrderPublisher.create(options.publisherSettings());
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new ReplayCommand(Map.of(), print, print, false, publishers).run(args);
    }

    @Test
    void everyOrderOfTheSampleArrivesKeyedByCustomerAndMatchesTheImporter() {
        kafka.createTopic("orders-sample", 3);
        ImportResult expected = OnlineRetailReader.readAll(ProjectSample.onlineRetailII());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = replay(out, "online-retail", ProjectSample.onlineRetailII().toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", "mock://" + REGISTRY_SCOPE,
                "--topic", "orders-sample", "--no-progress");

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        long orders = expected.summary().orders();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("orders sent\\s+" + String.format(Locale.ROOT, "%,d", orders) + " acknowledged");

        List<ConsumerRecord<String, OrderEvent>> records = consumeAll("orders-sample", orders);
        assertThat(records).hasSize((int) orders);
        assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getCustomerId()));
        assertThat(records.stream().filter(r -> r.value().getKind() == OrderKind.RETURN).count())
                .isEqualTo(expected.summary().returns());
        assertThat(records.stream().map(ConsumerRecord::key).distinct().count())
                .isEqualTo(expected.summary().customers());
        assertThat(records.stream().mapToLong(r -> r.value().getLines().size()).sum())
                .isEqualTo(expected.summary().emittedLines());

        Map<String, OrderEvent> sent = records.stream()
                .collect(Collectors.toMap(r -> r.value().getOrderId(), ConsumerRecord::value));
        Map<String, OrderEvent> read = new HashMap<>();
        expected.events().forEach(e -> read.put(e.getOrderId(), e));
        assertThat(sent).isEqualTo(read);
    }

    @Test
    void aSchemaRegistryThatCannotBeReachedFailsTheReplayWithExitOne() {
        kafka.createTopic("orders-no-registry", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = replay(out, "synthetic", "--customers", "50", "--days", "10", "--bootstrap-servers",
                kafka.bootstrapServers(), "--schema-registry-url", "http://127.0.0.1:1", "--topic",
                "orders-no-registry", "--no-progress");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED").contains("not every order reached Kafka");
    }

    private static List<ConsumerRecord<String, OrderEvent>> consumeAll(String topic, long expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-it-" + topic);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put("schema.registry.url", "mock://" + REGISTRY_SCOPE);
        props.put("specific.avro.value.type", OrderEvent.class.getName());
        List<ConsumerRecord<String, OrderEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, OrderEvent> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                configured(props))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            // Nothing beyond the expected count: poll once more for stragglers.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static AvroDeserializer<OrderEvent> configured(Properties props) {
        AvroDeserializer<OrderEvent> deserializer = new AvroDeserializer<>();
        Map<String, Object> configs = new HashMap<>();
        props.forEach((k, v) -> configs.put(k.toString(), v));
        deserializer.configure(configs, false);
        return deserializer;
    }
}
