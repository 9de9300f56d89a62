package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.churnwatch.serving.streams.StreamsNode;
import io.churnwatch.testing.KafkaClusterExtension;

/**
 * The Kafka Streams state-store metrics of a running node reach {@code /prometheus} for stores of every type under
 * one set of labels ({@code state_id}, {@code store_type}), not under a label named after the store type, which
 * Prometheus would accept for the first store type only.
 */
class PrometheusStoreMetricsTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    /** A metric every store type has: both stores must be in it, not only the first type bound. */
    private static final String PUT_RATE = "kafka_stream_state_put_rate{";

    @Test
    void storesOfEveryTypeAreExportedUnderStateIdAndStoreType() {
        try (NodeHarness node = NodeHarness.start(Map.of(
                "churnwatch.bootstrap-servers", KAFKA.bootstrapServers(),
                "churnwatch.application-id", "serving-prometheus-" + UUID.randomUUID(),
                "churnwatch.embedded-registry", "true",
                "churnwatch.registry-port", "0"))) {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> node.bean(StreamsNode.class).state(), Optional.of(KafkaStreams.State.RUNNING)::equals);

            // KafkaMetrics binds the metrics present at start, then looks for new ones once a minute: the stores
            // appear with the tasks, so their metrics come with the next look.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> scrape(node, PUT_RATE), putRate -> has(putRate, "feature-progress", "in-memory")
                            && has(putRate, "customer-state", "rocksdb"));

            // kafka_stream_state_updater_* are the state updater thread's, not a store's: they have no store label.
            List<String> storeMetrics = scrape(node, "kafka_stream_state_").stream()
                    .filter(line -> !line.startsWith("kafka_stream_state_updater_")).toList();
            assertThat(storeMetrics).allSatisfy(line -> assertThat(line)
                    .doesNotContain("in_memory_state_id=", "rocksdb_state_id=", "rocksdb_window_state_id=")
                    .contains("state_id=\"", "store_type=\""));
            assertThat(storeMetrics).anyMatch(line -> line.contains("state_id=\"reorder-buffer\""))
                    .anyMatch(line -> line.contains("store_type=\"rocksdb-window\""));
        }
    }

    private static List<String> scrape(NodeHarness node, String prefix) {
        return node.get("/prometheus").body().lines().filter(line -> line.startsWith(prefix)).toList();
    }

    private static boolean has(List<String> lines, String store, String type) {
        return lines.stream().anyMatch(line -> line.contains("state_id=\"" + store + "\"")
                && line.contains("store_type=\"" + type + "\""));
    }
}
