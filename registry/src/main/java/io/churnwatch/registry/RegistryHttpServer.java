package io.churnwatch.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link RegistryApi} with the JDK's own HTTP server: no web framework, a few worker threads (schema
 * look-ups are cached by every client, so traffic is light).
 */
public final class RegistryHttpServer implements AutoCloseable {

    /** Bodies larger than this are refused: a schema is kilobytes, not megabytes. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpServer.class);

    private final HttpServer server;
    private final ExecutorService workers;

    private RegistryHttpServer(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts listening.
     *
     * @param host    the address to bind, e.g. 127.0.0.1 (this machine only) or 0.0.0.0
     * @param port    the port; 0 picks a free one (see {@link #port()})
     * @param threads how many requests are served at once
     */
    public static RegistryHttpServer start(RegistryApi api, String host, int port, int threads) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
        AtomicInteger count = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(api, exchange));
        server.start();
        LOG.info("Schema registry listening on http://{}:{}", host, server.getAddress().getPort());
        return new RegistryHttpServer(server, workers);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private static void serve(RegistryApi api, HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            RegistryApi.Response response;
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                response = RegistryApi.error(413, 413, "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
            } else if (body.length > 0 && contentType != null && !contentType.toLowerCase().contains("json")) {
                response = RegistryApi.error(415, 415, "Unsupported content type '" + contentType + "'; send "
                        + RegistryApi.CONTENT_TYPE + " or application/json.");
            } else {
                response = api.handle(method, exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), body);
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", responseType(exchange.getRequestHeaders().getFirst("Accept")));
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not answer {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            throw e;
        }
    }

    /** Confluent's type unless the client asked for plain JSON only. */
    private static String responseType(String accept) {
        if (accept != null && accept.contains("application/json") && !accept.contains("vnd.schemaregistry")) {
            return "application/json";
        }
        return RegistryApi.CONTENT_TYPE;
    }

    /** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
