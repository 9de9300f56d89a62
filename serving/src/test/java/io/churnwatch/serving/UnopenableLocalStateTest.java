package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.churnwatch.serving.streams.RegistryUrl;
import io.churnwatch.testing.KafkaClusterExtension;

/**
 * A node whose local RocksDB state cannot be opened still comes up, wipes that state and restores it from the
 * changelogs. Seen for real: a node SIGKILLed while RocksDB was creating a new segment of the
 * {@code dedup-order-ids} window store left a segment whose CURRENT names a MANIFEST that was never written, and
 * Kafka Streams, which opens every local store at start, failed with {@code Error opening store ...
 * MANIFEST-000005: No such file}; without the recovery in StreamsNode the node would stay down until someone
 * deleted its state directory by hand. The test does the same damage after a clean close: it deletes the
 * MANIFEST of every dedup segment and keeps CURRENT.
 */
class UnopenableLocalStateTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    Path stateDir;

    @Test
    void aNodeWhoseStoresCannotBeOpenedWipesThemAndAnswersFromTheChangelogs() throws IOException {
        String applicationId = "serving-unopenable-" + UUID.randomUUID();
        Map<String, Object> settings = Map.of(
                "churnwatch.bootstrap-servers", KAFKA.bootstrapServers(),
                "churnwatch.application-id", applicationId,
                "churnwatch.state-dir", stateDir.toString(),
                "churnwatch.embedded-registry", "true",
                "churnwatch.registry-port", "0");

        JsonNode before;
        try (NodeHarness node = startHealthy(settings)) {
            Orders.send(KAFKA.cluster(), node.bean(RegistryUrl.class).url(), List.of(
                    Orders.purchase("o1", "c1", "2011-08-01T10:00:00Z", 2, 500),
                    Orders.purchase("o2", "c2", "2011-08-10T10:00:00Z", 1, 700),
                    Orders.purchase("o3", "c1", "2011-08-20T10:00:00Z", 1, 300)));
            before = awaitCustomer(node).json();
            assertThat(before.at("/features/grossRevenueMinor").asLong()).isEqualTo(1300);
        }

        List<Path> segments = dedupSegments(stateDir.resolve(applicationId));
        assertThat(segments).as("dedup-order-ids segments under %s", stateDir).isNotEmpty();
        for (Path segment : segments) {
            deleteManifests(segment);
        }

        try (StderrCopy log = StderrCopy.start(); NodeHarness node = startHealthy(settings)) {
            JsonNode after = awaitCustomer(node).json();
            assertThat(after.get("features")).isEqualTo(before.get("features"));
            assertThat(after.get("asOf")).isEqualTo(before.get("asOf"));
            // The node came up through StreamsNode's recovery, not because Kafka Streams opened the stores anyway.
            assertThat(log.text()).contains("Local state cannot be opened (Error opening store dedup-order-ids.");
        }
    }

    private static NodeHarness startHealthy(Map<String, Object> settings) {
        NodeHarness node = NodeHarness.start(settings);
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> node.get("/health").status() == 200);
        } catch (RuntimeException | AssertionError e) {
            node.close();
            throw e;
        }
        return node;
    }

    private static NodeHarness.Response awaitCustomer(NodeHarness node) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> node.get("/customers/c1"),
                response -> response.status() == 200 && response.json().at("/features/orders").asInt() == 2);
    }

    /** The segments of the dedup window store: {@code <task>/dedup-order-ids/dedup-order-ids.<segment id>}. */
    private static List<Path> dedupSegments(Path applicationDir) throws IOException {
        try (Stream<Path> files = Files.walk(applicationDir)) {
            return files.filter(path -> Files.isRegularFile(path.resolve("CURRENT")))
                    .filter(path -> path.getParent().getFileName().toString().equals("dedup-order-ids"))
                    .toList();
        }
    }

    /** What a kill mid-creation leaves: CURRENT names a MANIFEST that is not there. */
    private static void deleteManifests(Path segment) throws IOException {
        try (Stream<Path> files = Files.list(segment)) {
            for (Path manifest : files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList()) {
                Files.delete(manifest);
            }
        }
        assertThat(segment.resolve(Files.readString(segment.resolve("CURRENT")).trim())).doesNotExist();
    }

    /** A copy of what the node logs (slf4j-simple writes to whatever System.err is at the time). */
    private static final class StderrCopy implements AutoCloseable {

        private final PrintStream original = System.err;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        static StderrCopy start() {
            StderrCopy capture = new StderrCopy();
            System.setErr(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) {
                    capture.original.write(b);
                    capture.copy.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    capture.original.write(bytes, offset, length);
                    capture.copy.write(bytes, offset, length);
                }
            }, true));
            return capture;
        }

        String text() {
            return copy.toString();
        }

        @Override
        public void close() {
            System.setErr(original);
        }
    }
}
