package io.churnwatch.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

/**
 * One serving node started the way ServingApp starts it (HTTP server first, then Kafka Streams), on a random
 * port with its own state directory, and a plain JDK HTTP client to talk to it as any client would.
 */
final class NodeHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final EmbeddedServer server;
    private final Path stateDir;

    private NodeHarness(EmbeddedServer server, Path stateDir) {
        this.server = server;
        this.stateDir = stateDir;
    }

    /** Starts a node; {@code settings} are CHURNWATCH_* settings as Micronaut properties (churnwatch.state-dir). */
    static NodeHarness start(Map<String, Object> settings) {
        try {
            Path stateDir = Files.createTempDirectory("churnwatch-serving-test");
            Map<String, Object> properties = new HashMap<>();
            properties.put("churnwatch.http-port", -1);
            properties.put("churnwatch.http-host", "127.0.0.1");
            properties.put("churnwatch.advertised-host", "127.0.0.1");
            properties.put("churnwatch.state-dir", stateDir.toString());
            properties.put("churnwatch.reorder-grace", "0");
            properties.put("churnwatch.topic-partitions", "4");
            properties.putAll(settings);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
            return new NodeHarness(server, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response getWithHeader(String path, String name, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(name, value).GET());
    }

    Response post(String path, String body, String... headers) {
        return withBody("POST", path, body, headers);
    }

    Response put(String path, String body, String... headers) {
        return withBody("PUT", path, body, headers);
    }

    private Response withBody(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create("http://" + address() + path);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer with its body parsed as JSON when it is JSON. */
    record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
