package io.churnwatch.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

    @Test
    void defaultsAreTwoNodesFrom8080WithTheRegistryJustBelow() {
        ClusterOptions options = ClusterOptions.parse(new String[0], Map.of());

        assertThat(options.nodes()).isEqualTo(2);
        assertThat(options.nodePort(1)).isEqualTo(8080);
        assertThat(options.nodePort(2)).isEqualTo(8081);
        assertThat(options.registryPort()).isEqualTo(8079);
        assertThat(options.bootstrapServers()).isNull();
        assertThat(options.dataRoot()).isEqualTo(Path.of("data", "runtime").toAbsolutePath());
    }

    @Test
    void optionsAndTheEnvironmentMoveEverything() {
        ClusterOptions options = ClusterOptions.parse(new String[] {"--nodes", "3", "--port", "18080",
                "--schema-registry-url", "http://localhost:9999/", "--replay", "sample"},
                Map.of("CHURNWATCH_DATA_DIR", "/tmp/elsewhere", "CHURNWATCH_REGISTRY_PORT", "18181"));

        assertThat(options.nodePort(3)).isEqualTo(18082);
        assertThat(options.registryPort()).isEqualTo(18181);
        assertThat(options.registryUrl()).isEqualTo("http://localhost:9999");
        assertThat(options.replay().toString()).endsWith("online_retail_II_sample.csv.gz");
        assertThat(options.dataRoot()).isEqualTo(Path.of("/tmp/elsewhere"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--nodes", "6"}, Map.of()))
                .hasMessageContaining("--nodes must be between 1 and 5");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--nodes"}, Map.of()))
                .hasMessageContaining("--nodes needs a value");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--port", "x"}, Map.of()))
                .hasMessageContaining("--port needs a number");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--registry-port", "8081"}, Map.of()))
                .hasMessageContaining("the registry port 8081 is one of the nodes' ports");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--replay", "/no/such.csv"}, Map.of()))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> ClusterOptions.parse(new String[] {"--frobnicate", "1"}, Map.of()))
                .hasMessageContaining("unknown option '--frobnicate'");
    }

    @Test
    void helpNeedsNothingElse() {
        assertThat(ClusterOptions.parse(new String[] {"--help"}, Map.of()).help()).isTrue();
        assertThat(ClusterOptions.USAGE).contains("--nodes N", "--port BASE", "--replay", "Ctrl-C");
    }

    @Test
    void nodesAnnounceTheirLoopbackPortAndKeepTheirOwnState() {
        NodeSpec node = new NodeSpec(2, 8081, Path.of("/data/cluster/node-2"));
        Map<String, String> env = node.environment(Map.of("CHURNWATCH_HOLDOUT_SHARE", "0.2",
                "CHURNWATCH_HTTP_PORT", "1234"), "127.0.0.1:9092", "http://localhost:8079");

        assertThat(env).containsEntry("CHURNWATCH_APPLICATION_SERVER", "localhost:8081")
                .containsEntry("CHURNWATCH_HTTP_PORT", "8081")
                .containsEntry("CHURNWATCH_STATE_DIR", "/data/cluster/node-2/streams")
                .containsEntry("CHURNWATCH_EMBEDDED_REGISTRY", "false")
                .containsEntry("CHURNWATCH_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("CHURNWATCH_SCHEMA_REGISTRY_URL", "http://localhost:8079")
                .containsEntry("CHURNWATCH_HOLDOUT_SHARE", "0.2");
    }

    @Test
    void theSampleKeysPartitionLikeTheProducer() {
        for (String key : java.util.List.of("12867", "14085", "cust-0", "cust-1", "cust-2")) {
            assertThat(KeyOwners.partitionOf(key, 6)).isEqualTo(org.apache.kafka.clients.producer.internals
                    .BuiltInPartitioner.partitionForKey(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), 6));
        }
    }
}
