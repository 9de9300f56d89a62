package io.churnwatch.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;

/**
 * A tiny Confluent-API registry on the JDK's HTTP server, backed by an {@link InMemorySchemaRegistry}, that
 * records every request and can be told to answer the next requests with canned failures or not at all.
 */
public final class FakeRegistryServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it. */
    public record Request(String method, String rawPath, String contentType, String body) {
        public String line() {
            return method + " " + rawPath;
        }
    }

    private record Canned(int status, String contentType, String body) {
    }

    private final String scope = "fake-http-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(scope);
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Canned> canned = new ArrayDeque<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;
    private volatile boolean stalling;

    public FakeRegistryServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public InMemorySchemaRegistry registry() {
        return registry;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next request gets this answer instead of the registry's. */
    public synchronized void answerNext(int status, String contentType, String body) {
        canned.addLast(new Canned(status, contentType, body));
    }

    /** The next request gets a Confluent error body. */
    public void failNext(int status, int errorCode, String message) {
        ObjectNode body = JSON.createObjectNode().put("error_code", errorCode).put("message", message);
        answerNext(status, "application/vnd.schemaregistry.v1+json", body.toString());
    }

    /** From now on, requests are accepted but never answered (until {@link #close}). */
    public void stall() {
        stalling = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        if (stalling) {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Canned answer;
        synchronized (this) {
            answer = canned.pollFirst();
        }
        if (answer != null) {
            respond(exchange, answer.status(), answer.contentType(), answer.body());
            return;
        }
        try {
            respond(exchange, 200, "application/vnd.schemaregistry.v1+json", route(exchange, body).toString());
        } catch (SchemaRegistryException e) {
            ObjectNode error = JSON.createObjectNode().put("error_code", e.errorCode()).put("message", e.getMessage());
            respond(exchange, e.httpStatus(), "application/vnd.schemaregistry.v1+json", error.toString());
        }
    }

    private JsonNode route(HttpExchange exchange, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String[] parts = exchange.getRequestURI().getRawPath().substring(1).split("/");
        if (method.equals("GET") && parts.length == 3 && parts[0].equals("schemas") && parts[1].equals("ids")) {
            Schema schema = registry.getById(Integer.parseInt(parts[2]));
            return JSON.createObjectNode().put("schema", schema.toString());
        }
        if (method.equals("POST") && parts.length >= 2 && parts[0].equals("subjects")) {
            String subject = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            Schema schema = parse(body);
            if (parts.length == 3 && parts[2].equals("versions")) {
                return JSON.createObjectNode().put("id", registry.register(subject, schema));
            }
            if (parts.length == 2) {
                int id = registry.lookup(subject, schema);
                return JSON.createObjectNode().put("subject", subject).put("id", id)
                        .put("version", registry.versions(subject).indexOf(id) + 1).put("schema", schema.toString());
            }
        }
        throw new SchemaRegistryException(404, 404, "HTTP 404 Not Found");
    }

    private static Schema parse(String body) throws IOException {
        try {
            return new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_SCHEMA, "Invalid schema: " + e.getMessage());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
        InMemorySchemaRegistry.reset(scope);
    }
}
