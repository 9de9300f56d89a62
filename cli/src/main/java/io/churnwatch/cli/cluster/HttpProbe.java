package io.churnwatch.cli.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Plain GETs against the nodes and the registry, as any client would send them. */
final class HttpProbe {

    /** A node names the instance that answered a key query in this header (forwarded or not). */
    static final String SERVED_BY_HEADER = "X-Churnwatch-Served-By";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** An answer; {@code servedBy} is empty when the header is absent. */
    record Answer(int status, String body, Optional<String> servedBy) {
    }

    private HttpProbe() {
    }

    /** The answer, or empty when nothing answers at {@code url} (refused, timed out). */
    static Optional<Answer> get(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue(SERVED_BY_HEADER)));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether a Confluent-API schema registry answers at {@code url}. */
    static boolean registryAnswers(String url) {
        return get(url + "/subjects").map(answer -> answer.status() == 200 && answer.body().startsWith("["))
                .orElse(false);
    }
}
