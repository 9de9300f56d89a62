package io.churnwatch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker JVM: start, use, stop, restart on the same data, and the ways a start can be refused. */
class KafkaBrokerProcessIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void dataSurvivesARestartOnTheSameDataDir() throws Exception {
        BrokerSettings settings = settingsOnFreePorts(tmp.resolve("kafka"));

        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(settings)) {
            KafkaBrokerProcess.BrokerStartup first = broker.start();
            assertThat(first.formatted()).isTrue();
            assertThat(broker.isAlive()).isTrue();
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
            }
            produce(broker, "customer-7", "first order");
            assertThat(readAll(broker, "orders", "before-restart")).containsExactly("customer-7=first order");

            broker.stop();
            assertThat(broker.isAlive()).isFalse();
            assertThat(Files.exists(settings.dataDir().resolve("broker.pid"))).isFalse();

            KafkaBrokerProcess.BrokerStartup second = broker.start();
            assertThat(second.formatted()).isFalse();
            assertThat(readAll(broker, "orders", "after-restart")).containsExactly("customer-7=first order");
        }
        assertThat(settings.dataDir().resolve("broker.log.1")).exists();

        int otherControllerPort = FreePorts.two()[0];
        KafkaBrokerProcess moved = new KafkaBrokerProcess(settings.withControllerPort(otherControllerPort));
        assertThatThrownBy(moved::start)
                .isInstanceOf(BrokerStartException.class)
                .hasMessageContaining("formatted with controller port " + settings.controllerPort())
                .hasMessageContaining("--controller-port " + settings.controllerPort());
    }

    @Test
    void aSecondBrokerIsRefusedAndTheFirstKeepsWorking() throws Exception {
        BrokerSettings settings = settingsOnFreePorts(tmp.resolve("first"));
        try (KafkaBrokerProcess first = new KafkaBrokerProcess(settings)) {
            long firstPid = first.start().pid();

            int[] otherControllerPort = FreePorts.two();
            KafkaBrokerProcess samePort = new KafkaBrokerProcess(settings.withDataDir(tmp.resolve("second"))
                    .withControllerPort(otherControllerPort[0]));
            assertThatThrownBy(samePort::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("127.0.0.1:" + settings.clientPort() + " is already in use");
            assertThat(samePort.isAlive()).isFalse();

            int[] otherPorts = FreePorts.two();
            KafkaBrokerProcess sameDataDir = new KafkaBrokerProcess(settings.withClientPort(otherPorts[0])
                    .withControllerPort(otherPorts[1]));
            assertThatThrownBy(sameDataDir::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("is in use by a running Kafka broker")
                    .hasMessageContaining("pid " + firstPid);
            assertThat(first.isAlive()).isTrue();

            try (Admin admin = admin(first)) {
                admin.createTopics(List.of(new NewTopic("still-works", 1, (short) 1))).all().get();
            }
            produce(first, "k", "v", "still-works");
            assertThat(readAll(first, "still-works", "check")).containsExactly("k=v");
        }
    }

    @Test
    void aBrokerThatDiesDuringStartupPointsAtItsLog() {
        BrokerSettings settings = settingsOnFreePorts(tmp.resolve("dies"))
                .withExtraProperties(Map.of("authorizer.class.name", "com.example.NoSuchAuthorizer"));

        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(settings)) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("com.example.NoSuchAuthorizer")
                    .hasMessageContaining(settings.dataDir().resolve("broker.log").toString());
            assertThat(broker.isAlive()).isFalse();
        }
    }

    @Test
    void aConfigurationTheStorageToolRejectsPointsAtTheLog() {
        BrokerSettings settings = settingsOnFreePorts(tmp.resolve("broken"))
                .withExtraProperties(Map.of("num.io.threads", "not-a-number"));

        try (KafkaBrokerProcess broker = new KafkaBrokerProcess(settings)) {
            assertThatThrownBy(broker::start)
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("num.io.threads")
                    .hasMessageContaining(settings.dataDir().resolve("broker.log").toString());
            assertThat(broker.isAlive()).isFalse();
        }
    }

    private static BrokerSettings settingsOnFreePorts(Path dataDir) {
        int[] ports = FreePorts.two();
        return BrokerSettings.defaults(dataDir).withClientPort(ports[0]).withControllerPort(ports[1])
                .withHeap("256m");
    }

    private static Admin admin(KafkaBrokerProcess broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(KafkaBrokerProcess broker, String key, String value) throws Exception {
        produce(broker, key, value, "orders");
    }

    private static void produce(KafkaBrokerProcess broker, String key, String value, String topic) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(KafkaBrokerProcess broker, String topic, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.key() + "=" + r.value()));
                return !seen.isEmpty();
            });
        }
        return seen;
    }
}
