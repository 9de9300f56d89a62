package io.churnwatch.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.schemas.OrderKind;
import io.churnwatch.schemas.OrderLine;
import io.churnwatch.schemas.registry.HttpSchemaRegistryClient;
import io.churnwatch.schemas.serde.AvroDeserializer;
import io.churnwatch.schemas.serde.AvroSerializer;
import io.churnwatch.schemas.serde.WireFormat;
import io.churnwatch.testing.KafkaTestCluster;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proof with a client nobody here wrote: confluent_kafka's Python AvroProducer and AvroConsumer (Debian's
 * python3-confluent-kafka with python3-avro) against the embedded registry and a real broker, compared field for
 * field with the project's Java serde.
 *
 * <p>Skipped when the Python packages are missing, unless {@code CHURNWATCH_REQUIRE_INTEROP=1}, which turns the
 * skip into a failure (CI installs the packages and sets it).
 */
class PythonInteropTest {

    static final int COUNT = 8;

    static KafkaTestCluster kafka;
    static EmbeddedSchemaRegistry registry;

    static String missing;

    @BeforeAll
    static void start() {
        missing = PythonScripts.whyUnavailable();
        if (missing == null) {
            kafka = KafkaTestCluster.start();
            registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        }
    }

    /** Per test rather than per class, so that a skip is reported on every test with its reason. */
    @BeforeEach
    void requirePython() {
        if (missing == null) {
            return;
        }
        String message = "Python interop needs Debian's python3-confluent-kafka, python3-avro and python3-requests"
                + " under " + PythonScripts.PYTHON + ": " + missing;
        if ("1".equals(System.getenv(PythonScripts.REQUIRE_VARIABLE))) {
            Assertions.fail(message + " (" + PythonScripts.REQUIRE_VARIABLE + "=1, so this is a failure)");
        }
        Assumptions.abort(message + ". Install them (apt-get install python3-confluent-kafka python3-avro"
                + " python3-requests) to run this suite.");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void javaReadsWhatPythonProduced() {
        String topic = "py-orders";
        kafka.createTopics(topic);

        List<JsonNode> sent = PythonScripts.runScript("produce_orders.py", "--bootstrap-servers",
                kafka.bootstrapServers(), "--registry-url", registry.url(), "--topic", topic, "--count", "" + COUNT);
        assertThat(sent).hasSize(COUNT);
        List<OrderEvent> expected = sent.stream().map(line -> OrderFixtures.fromJson(line.get("value"))).toList();
        assertCoversTheEdgeCases(expected);

        List<ConsumerRecord<String, OrderEvent>> received = readWithJava(topic);
        assertThat(received).hasSize(COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertThat(received.get(i).key()).isEqualTo(sent.get(i).get("key").asText());
            assertThat(received.get(i).value()).as("order %d", i).isEqualTo(expected.get(i));
        }

        // The id in every record is the one the Python client got for its schema from our registry.
        int pythonSchemaId = sent.get(0).get("schemaId").asInt();
        assertThat(registry.service().lookup(topic + "-value", registry.service().schemaById(pythonSchemaId)).id())
                .isEqualTo(pythonSchemaId);
        assertThat(readRawValues(topic)).allSatisfy(value -> assertThat(WireFormat.schemaId(value)).isEqualTo(pythonSchemaId));
    }

    @Test
    void pythonReadsWhatJavaProduced() {
        String topic = "java-orders";
        kafka.createTopics(topic);
        List<OrderEvent> orders = OrderFixtures.orders(COUNT);
        assertCoversTheEdgeCases(orders);
        try (KafkaProducer<String, OrderEvent> producer = new KafkaProducer<>(kafka.producerProps(),
                new StringSerializer(), new AvroSerializer<>(new HttpSchemaRegistryClient(registry.url())))) {
            for (OrderEvent order : orders) {
                producer.send(new ProducerRecord<>(topic, key(order), order));
            }
            producer.flush();
        }

        List<JsonNode> read = PythonScripts.runScript("consume_orders.py", "--bootstrap-servers",
                kafka.bootstrapServers(), "--registry-url", registry.url(), "--topic", topic, "--count", "" + COUNT);

        assertThat(read).hasSize(COUNT);
        for (int i = 0; i < COUNT; i++) {
            assertThat(read.get(i).get("key").asText()).isEqualTo(key(orders.get(i)));
            assertThat(OrderFixtures.fromJson(read.get(i).get("value"))).as("order %d", i).isEqualTo(orders.get(i));
        }
    }

    /** The stock AvroProducer.produce and AvroConsumer.poll, with Avro-encoded keys under "<topic>-key". */
    @Test
    void stockAvroKeysRoundTripThroughBothLanguages() throws IOException {
        String topic = "py-avro-keys";
        kafka.createTopics(topic);

        List<JsonNode> sent = PythonScripts.runScript("produce_orders.py", "--bootstrap-servers",
                kafka.bootstrapServers(), "--registry-url", registry.url(), "--topic", topic, "--count", "4",
                "--key-format", "avro");
        List<JsonNode> readByPython = PythonScripts.runScript("consume_orders.py", "--bootstrap-servers",
                kafka.bootstrapServers(), "--registry-url", registry.url(), "--topic", topic, "--count", "4",
                "--key-format", "avro");

        assertThat(registry.service().version(topic + "-key", "latest").schema()).contains("string");
        List<String> keysReadByJava = new ArrayList<>();
        HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
        for (ConsumerRecord<byte[], byte[]> record : readRaw(topic, 4)) {
            int id = WireFormat.checkHeader(topic, record.key());
            Schema keySchema = client.getById(id);
            Object key = new GenericDatumReader<>(keySchema).read(null, DecoderFactory.get().binaryDecoder(
                    record.key(), WireFormat.HEADER_SIZE, record.key().length - WireFormat.HEADER_SIZE, null));
            keysReadByJava.add(key.toString());
        }
        List<String> keysSent = sent.stream().map(line -> line.get("key").asText()).toList();
        assertThat(keysReadByJava).isEqualTo(keysSent);
        assertThat(readByPython.stream().map(line -> line.get("key").asText()).toList()).isEqualTo(keysSent);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(OrderFixtures.fromJson(readByPython.get(i).get("value")))
                    .isEqualTo(OrderFixtures.fromJson(sent.get(i).get("value")));
        }
    }

    /** confluent_kafka's CachedSchemaRegistryClient on the look-up, compatibility and config endpoints. */
    @Test
    void pythonRegistryClientSeesConfluentSemantics() {
        String subject = "py-probe-value";
        List<JsonNode> printed = PythonScripts.runScript("registry_calls.py", "--registry-url", registry.url(),
                "--subject", subject);
        assertThat(printed).hasSize(1);
        JsonNode answers = printed.get(0);

        assertThat(answers.get("globalLevel").asText()).isEqualTo("BACKWARD");
        assertThat(answers.get("unregisteredVersion").isNull()).isTrue();
        assertThat(answers.get("v1Version").asInt()).isEqualTo(1);
        assertThat(answers.get("v2Compatible").asBoolean()).isTrue();
        assertThat(answers.get("badCompatible").asBoolean()).isFalse();
        assertThat(answers.get("badRegistration").asText()).startsWith("Incompatible Avro schema:409");
        assertThat(answers.get("latest").get("id").asInt()).isEqualTo(answers.get("v2Id").asInt());
        assertThat(answers.get("latest").get("version").asInt()).isEqualTo(2);
        assertThat(answers.get("latest").get("fields").toString()).isEqualTo("[\"id\",\"note\"]");
        assertThat(answers.get("byVersion1Fields").toString()).isEqualTo("[\"id\"]");
        assertThat(answers.get("subjectLevelSet").asText()).isEqualTo("NONE");
        assertThat(answers.get("subjectLevel").asText()).isEqualTo("NONE");

        // What Python saw is what the registry holds.
        assertThat(registry.service().versions(subject)).containsExactly(1, 2, 3);
        assertThat(registry.service().version(subject, "3").id()).isEqualTo(answers.get("badIdAfterNone").asInt());
        assertThat(registry.service().subjectCompatibility(subject)).contains(CompatibilityLevel.NONE);
    }

    private static String key(OrderEvent order) {
        return Objects.requireNonNullElse(order.getCustomerId(), order.getOrderId());
    }

    /** Guards against a fixture that lost the values interop is about. */
    private static void assertCoversTheEdgeCases(List<OrderEvent> orders) {
        List<OrderLine> lines = orders.stream().flatMap(o -> o.getLines().stream()).toList();
        assertThat(lines).anyMatch(line -> line.getDescription() == null);
        assertThat(lines).anyMatch(line -> line.getDescription() != null
                && line.getDescription().chars().anyMatch(c -> c > 127));
        assertThat(lines).anyMatch(line -> line.getUnitPriceMinor() > (1L << 53));
        assertThat(orders).anyMatch(order -> order.getKind() == OrderKind.RETURN);
    }

    private static List<ConsumerRecord<String, OrderEvent>> readWithJava(String topic) {
        List<ConsumerRecord<String, OrderEvent>> received = new ArrayList<>();
        try (KafkaConsumer<String, OrderEvent> consumer = new KafkaConsumer<>(kafka.consumerProps("java-" + topic),
                new StringDeserializer(),
                new AvroDeserializer<>(OrderEvent.class, new HttpSchemaRegistryClient(registry.url())))) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= COUNT;
            });
        }
        return received;
    }

    private static List<byte[]> readRawValues(String topic) {
        return readRaw(topic, COUNT).stream().map(ConsumerRecord::value).toList();
    }

    private static List<ConsumerRecord<byte[], byte[]>> readRaw(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.consumerProps("raw-" + topic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
        }
        return received;
    }
}
