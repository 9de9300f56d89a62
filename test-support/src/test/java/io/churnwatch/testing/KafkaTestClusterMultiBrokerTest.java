package io.churnwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class KafkaTestClusterMultiBrokerTest {

    @Test
    void topicsAreReplicatedAcrossAllBrokers() throws Exception {
        try (KafkaTestCluster kafka = KafkaTestCluster.start(3)) {
            assertThat(kafka.admin().describeCluster().nodes().get()).hasSize(3);
            assertThat(kafka.bootstrapServers().split(",")).hasSize(3);

            kafka.createTopic("replicated", 2);

            TopicDescription topic = kafka.admin().describeTopics(Set.of("replicated"))
                    .allTopicNames().get().get("replicated");
            assertThat(topic.partitions()).hasSize(2)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
        }
    }
}
