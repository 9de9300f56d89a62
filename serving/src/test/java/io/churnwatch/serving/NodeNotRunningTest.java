package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * A node whose Kafka Streams cannot run (its broker is not there): the API is up at once and answers 503 with
 * Retry-After instead of failing or hanging; admin endpoints stay disabled without a configured token.
 */
class NodeNotRunningTest {

    @Test
    void everyQueryIs503WithRetryAfterWhileStreamsIsNotRunning() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (NodeHarness node = NodeHarness.start(Map.of(
                "churnwatch.bootstrap-servers", "127.0.0.1:" + closedPort,
                "churnwatch.schema-registry-url", "mock://not-running",
                "churnwatch.create-topics", "false",
                "churnwatch.retry-after", "3s"))) {
            NodeHarness.Response customer = node.get("/customers/c1");
            assertThat(customer.status()).isEqualTo(503);
            assertThat(customer.header("Retry-After")).isEqualTo("3");
            assertThat(customer.json().get("error").asText()).containsAnyOf("not RUNNING", "not started");
            assertThat(customer.json().get("status").asInt()).isEqualTo(503);

            assertThat(node.get("/customers/at-risk").status()).isEqualTo(503);
            assertThat(node.get("/models/current").status()).isEqualTo(503);

            NodeHarness.Response health = node.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");

            NodeHarness.Response admin = node.post("/admin/models/1/promote", "", "Authorization", "Bearer anything");
            assertThat(admin.status()).isEqualTo(403);
            assertThat(admin.json().get("error").asText()).contains("CHURNWATCH_ADMIN_TOKEN");
        }
    }
}
