package io.churnwatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import io.churnwatch.streams.config.Setting;
import io.churnwatch.streams.dedup.DedupProcessor;

class StreamsAppTest {

    @Test
    void helpListsEverySettingWithItsVariableAndDefault() {
        String usage = StreamsApp.usage();
        for (Setting setting : Setting.values()) {
            assertThat(usage).contains(setting.envVar());
            if (!setting.defaultValue().isEmpty()) {
                assertThat(usage).contains(setting.defaultValue());
            }
        }
    }

    @Test
    void ordersReachTheStateInOneSubTopologyWithARepartitionTopicForThoseNotKeyedByCustomer() {
        TopologyDescription description = ChurnwatchTopology.build(TopologySettings.defaults(),
                ChurnwatchSerdes.forRegistryUrl("mock://describe")).describe();
        // One sub-topology reads orders and the repartition topic it writes itself, and owns every store.
        assertThat(description.subtopologies()).hasSize(1);
        String text = description.toString();
        assertThat(text).contains(ChurnwatchTopology.REPARTITION_NAME + "-repartition");
        assertThat(text).contains("customer-state", "reorder-buffer", "inactivity-timers", DedupProcessor.SEEN_STORE);
    }
}
