package io.churnwatch.serving.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

class StoreMetricTagsTest {

    @Test
    void storesOfEveryTypeShareOneSetOfTagKeysSoPrometheusKeepsThemAll() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new StoreMetricTags());
        // Kafka Streams says rocksdb-state-id; Micrometer's KafkaMetrics registers it as rocksdb.state.id.
        for (String storeTag : List.of("rocksdb.state.id", "in.memory.state.id", "rocksdb-window-state-id")) {
            registry.gauge("kafka.stream.state.put.rate", Tags.of(Tag.of("task.id", "0_0"), Tag.of(storeTag, storeTag + "-store")), 1.0);
        }
        registry.gauge("kafka.stream.thread.commit.rate", Tags.of("thread.id", "t1"), 1.0);

        List<Meter.Id> state = registry.getMeters().stream().map(Meter::getId)
                .filter(id -> id.getName().equals("kafka.stream.state.put.rate")).toList();
        assertThat(state).hasSize(3);
        assertThat(state).allSatisfy(id -> assertThat(id.getTags()).extracting(Tag::getKey)
                .containsExactlyInAnyOrder("task.id", "state.id", "store.type"));
        assertThat(state).extracting(id -> id.getTag("store.type"))
                .containsExactlyInAnyOrder("rocksdb", "in-memory", "rocksdb-window");
        assertThat(registry.get("kafka.stream.thread.commit.rate").gauge().getId().getTags())
                .containsExactly(Tag.of("thread.id", "t1"));
    }

    /**
     * KafkaMetrics skips a metric when a meter of the same name in its registry has more tags, so with the filter
     * on the composite only the first store of each name got in. On the exporting registry, every store does.
     */
    @Test
    void kafkaMetricsOnTheCompositeExportsEveryStoreThroughThePrometheusRegistry() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry composite = new CompositeMeterRegistry().add(prometheus);
        StoreMetricTagsConfigurer configurer = new StoreMetricTagsConfigurer();
        for (var registry : List.of(composite, prometheus)) {
            if (configurer.supports(registry)) {
                configurer.configure(registry);
            }
        }
        MockProducer<byte[], byte[]> client = new MockProducer<>();
        storeMetric(client, "0_0", "rocksdb-state-id", "customer-state");
        storeMetric(client, "0_1", "rocksdb-state-id", "customer-state");
        storeMetric(client, "0_0", "in-memory-state-id", "feature-progress");
        storeMetric(client, "0_0", "rocksdb-window-state-id", "inactivity-timers");

        KafkaClientMetrics metrics = new KafkaClientMetrics(client);
        metrics.bindTo(composite);
        List<String> putRate = prometheus.scrape().lines()
                .filter(line -> line.startsWith("kafka_stream_state_put_rate{")).toList();
        assertThat(putRate).hasSize(4).allSatisfy(line -> assertThat(line).doesNotContain("_state_id=\"").satisfiesAnyOf(
                l -> assertThat(l).contains("state_id=\"customer-state\"", "store_type=\"rocksdb\""),
                l -> assertThat(l).contains("state_id=\"feature-progress\"", "store_type=\"in-memory\""),
                l -> assertThat(l).contains("state_id=\"inactivity-timers\"", "store_type=\"rocksdb-window\"")));

        // What KafkaMetrics removes from the composite (by the raw Kafka id) leaves the export too.
        metrics.close();
        assertThat(prometheus.scrape()).doesNotContain("kafka_stream_state_put_rate{");
    }

    private static void storeMetric(MockProducer<?, ?> client, String task, String storeTag, String store) {
        MetricName name = new MetricName("put-rate", "stream-state-metrics", "",
                Map.of("thread-id", "t1", "task-id", task, storeTag, store));
        client.setMockMetrics(name, new Metric() {
            @Override
            public MetricName metricName() {
                return name;
            }

            @Override
            public Object metricValue() {
                return 1.0;
            }
        });
    }
}
