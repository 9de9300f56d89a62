package io.churnwatch.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One serving node ({@code io.churnwatch.serving.ServingApp}) in its own JVM, configured through its environment
 * variables as a deployment would be, so that the node under test has its process to itself.
 */
final class ServingNodeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServingNodeProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static ServingNodeProcess start(String name, String classpath, String heap, Map<String, String> environment,
                                    Path log) {
        int port = freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", classpath, "io.churnwatch.serving.ServingApp");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("CHURNWATCH_HTTP_HOST", "127.0.0.1");
        builder.environment().put("CHURNWATCH_ADVERTISED_HOST", "127.0.0.1");
        builder.environment().put("CHURNWATCH_HTTP_PORT", String.valueOf(port));
        try {
            Process process = builder.start();
            // Ctrl-C on the benchmark must not leave serving JVMs behind.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, name + "-stopper"));
            return new ServingNodeProcess(name, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start serving JVM " + name, e);
        }
    }

    /** Waits until {@code /health} is UP (Kafka Streams RUNNING). */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (healthy()) {
                return;
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + log);
    }

    private boolean healthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** host:port as the node announces itself in {@code X-Churnwatch-Served-By}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** CPU time the JVM has used so far (user + system, all threads). */
    Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
