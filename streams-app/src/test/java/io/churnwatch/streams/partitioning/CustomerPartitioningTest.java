package io.churnwatch.streams.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class CustomerPartitioningTest {

    @Test
    void theHomePartitionIsTheOneAJavaProducerPicksForTheKey() {
        for (int customer = 0; customer < 2_000; customer++) {
            String id = "customer-" + customer;
            for (int partitions : new int[] {1, 3, 6, 7, 32}) {
                assertThat(CustomerPartitioning.partitionOf(id, partitions)).as(id)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(id.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }

    @Test
    void anUnknownPartitionCountSendsEveryOrderThroughTheRepartitionTopic() {
        String id = "12347";
        assertThat(CustomerPartitioning.unknown().alreadyPlaced(id, id, 0)).isFalse();
        assertThat(new CustomerPartitioning(1).alreadyPlaced(id, id, 0)).isTrue();
        assertThat(new CustomerPartitioning(1).alreadyPlaced(id, id, -1)).as("no record metadata").isFalse();
        assertThat(new CustomerPartitioning(1).alreadyPlaced(null, id, 0)).as("no key").isFalse();
    }
}
