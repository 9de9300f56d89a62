package io.churnwatch.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Asks node 1 for every customer once, as a client would, and splits the ids by the instance that answered
 * ({@code X-Churnwatch-Served-By}): those node 1 hosts (local) and those it forwards to node 2. Every customer
 * must be answered with 200; the split is written one id per line, for wrk's script.
 */
final class KeyFiles {

    private static final String SERVED_BY = "X-Churnwatch-Served-By";
    private static final int CONCURRENCY = 8;

    /** The two key sets, where they were written, and how many answers carried a model's score. */
    record Split(List<String> local, List<String> forwarded, Path localFile, Path forwardedFile, long scored) {
    }

    private KeyFiles() {
    }

    static Split write(ServingNodeProcess asked, ServingNodeProcess other, Collection<String> customers, Path dir) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> servedBy = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        long[] scored = new long[1];
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (String customer : customers) {
                pending.add(pool.submit(() -> {
                    HttpResponse<String> answer = get(http, asked.baseUrl() + "/customers/"
                            + URLEncoder.encode(customer, StandardCharsets.UTF_8).replace("+", "%20"));
                    if (answer.statusCode() != 200) {
                        failures.put(customer, answer.statusCode() + " " + answer.body());
                        return null;
                    }
                    servedBy.put(customer, answer.headers().firstValue(SERVED_BY).orElse("?"));
                    if (answer.body().contains("\"modelVersion\":1")) {
                        synchronized (scored) {
                            scored[0]++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("asking node 1 for the customers failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            Map.Entry<String, String> first = failures.entrySet().iterator().next();
            throw new IllegalStateException(failures.size() + " customers were not answered with 200, e.g. "
                    + first.getKey() + ": " + first.getValue());
        }
        List<String> local = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();
        for (String customer : customers) {
            String by = servedBy.get(customer);
            if (by.equals(asked.address())) {
                local.add(customer);
            } else if (by.equals(other.address())) {
                forwarded.add(customer);
            } else {
                throw new IllegalStateException(customer + " was served by '" + by + "', neither node");
            }
        }
        Path localFile = dir.resolve("keys-local.txt");
        Path forwardedFile = dir.resolve("keys-forwarded.txt");
        try {
            Files.write(localFile, local);
            Files.write(forwardedFile, forwarded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Split(local, forwarded, localFile, forwardedFile, scored[0]);
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
