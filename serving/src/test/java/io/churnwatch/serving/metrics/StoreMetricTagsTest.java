package io.churnwatch.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class StoreMetricTagsTest {

    @Test
    void storesOfEveryTypeShareOneSetOfTagKeysSoPrometheusKeepsThemAll() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new StoreMetricTags());
        for (String storeTag : List.of("rocksdb-state-id", "in-memory-state-id", "rocksdb-window-state-id")) {
            registry.gauge("kafka.stream.state.put.rate", Tags.of(Tag.of("task-id", "0_0"), Tag.of(storeTag, storeTag + "-store")), 1.0);
        }
        registry.gauge("kafka.stream.thread.commit.rate", Tags.of("thread-id", "t1"), 1.0);

        List<Meter.Id> state = registry.getMeters().stream().map(Meter::getId)
                .filter(id -> id.getName().equals("kafka.stream.state.put.rate")).toList();
        assertThat(state).hasSize(3);
        assertThat(state).allSatisfy(id -> assertThat(id.getTags()).extracting(Tag::getKey)
                .containsExactlyInAnyOrder("task-id", "state-id", "store-type"));
        assertThat(state).extracting(id -> id.getTag("store-type"))
                .containsExactlyInAnyOrder("rocksdb", "in-memory", "rocksdb-window");
        assertThat(registry.get("kafka.stream.thread.commit.rate").gauge().getId().getTags())
                .containsExactly(Tag.of("thread-id", "t1"));
    }
}
