package io.churnwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaTestClusterTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @Test
    void committedTransactionIsReadAndAbortedOneIsNot() {
        KafkaTestCluster kafka = KAFKA.cluster();
        kafka.createTopics("tx-smoke");

        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(kafka.transactionalProducerProps("smoke-tx"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-smoke", "customer-1", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("tx-smoke", "customer-1", "committed"));
            producer.commitTransaction();
        }

        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.consumerProps("smoke-reader"))) {
            consumer.subscribe(List.of("tx-smoke"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return !seen.isEmpty();
            });
        }
        // The aborted record has the lower offset, so read_committed would have returned it first.
        assertThat(seen).containsExactly("customer-1=committed");
    }

    @Test
    void compactedTopicHasTheCompactPolicy() throws Exception {
        KafkaTestCluster kafka = KAFKA.cluster();
        kafka.createCompactedTopic("compacted-smoke", 3);

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted-smoke");
        Map<ConfigResource, Config> configs = kafka.admin().describeConfigs(List.of(resource)).all().get();
        assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(kafka.admin().describeTopics(Set.of("compacted-smoke")).allTopicNames().get()
                .get("compacted-smoke").partitions()).hasSize(3);
    }

    @Test
    void creatingAnExistingTopicFailsWithItsName() {
        KafkaTestCluster kafka = KAFKA.cluster();
        kafka.createTopics("explicit-a", "explicit-b");

        assertThatThrownBy(() -> kafka.createTopics("explicit-a"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("explicit-a");
    }

    @Test
    void producingToAMissingTopicDoesNotCreateIt() throws Exception {
        KafkaTestCluster kafka = KAFKA.cluster();
        Properties props = kafka.producerProps();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("never-created", "k", "v")).get())
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        assertThat(kafka.admin().listTopics().names().get()).doesNotContain("never-created");
    }
}
