package io.churnwatch.serving.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.churnwatch.serving.streams.TopologyStores;
import io.churnwatch.streams.config.StreamsAppConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The forward to another instance, blocking and not, against a real HTTP server on loopback: answers are relayed
 * as they came (error statuses, bodies and Retry-After included), and an instance that cannot be reached is a
 * {@link NodeUnavailableException} (503), never a hang or a wrapped exception.
 */
class InstanceClientTest {

    private HttpServer other;
    private InstanceClient client;

    @BeforeEach
    void startAnotherInstance() throws IOException {
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/customers/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/customers/".length());
            String forwardedBy = exchange.getRequestHeaders().getFirst(InstanceClient.FORWARDED_HEADER);
            int status = switch (id) {
                case "known" -> 200;
                case "moving" -> 503;
                default -> 404;
            };
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "2");
            }
            byte[] body = ("{\"id\":\"" + id + "\",\"forwardedBy\":\"" + forwardedBy + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        StreamsAppConfig streams = StreamsAppConfig.from(Map.of());
        Topology topology = new Topology();
        StreamsNode node = new StreamsNode(streams, topology, TopologyStores.of(topology), new SimpleMeterRegistry());
        client = new InstanceClient(node, ServingConfig.from(Map.of("CHURNWATCH_FORWARD_TIMEOUT", "2s")));
    }

    @AfterEach
    void stop() {
        client.close();
        other.stop(0);
    }

    @Test
    void answersAreRelayedAsTheyCameBlockingOrNot() throws Exception {
        HostInfo host = new HostInfo("127.0.0.1", other.getAddress().getPort());
        for (boolean async : new boolean[] {false, true}) {
            InstanceClient.Relayed known = get(host, "/customers/known", async);
            assertThat(known.status()).isEqualTo(200);
            assertThat(known.body()).contains("\"id\":\"known\"").contains("\"forwardedBy\":\"unknown\"");
            assertThat(known.from()).isEqualTo(host);

            InstanceClient.Relayed missing = get(host, "/customers/nobody", async);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body()).contains("nobody");

            InstanceClient.Relayed moving = get(host, "/customers/moving", async);
            assertThat(moving.status()).isEqualTo(503);
            assertThat(moving.retryAfter()).isEqualTo("2");
        }
    }

    @Test
    void anInstanceThatCannotBeReachedIsUnavailableNotAHang() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        HostInfo gone = new HostInfo("127.0.0.1", closed);
        assertThatThrownBy(() -> client.get(gone, "/customers/known")).isInstanceOf(NodeUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closed);
        assertThatThrownBy(() -> client.getAsync(gone, "/customers/known").get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(NodeUnavailableException.class);
    }

    private InstanceClient.Relayed get(HostInfo host, String path, boolean async) throws Exception {
        return async ? client.getAsync(host, path).get(30, TimeUnit.SECONDS) : client.get(host, path);
    }
}
