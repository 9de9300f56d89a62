package io.churnwatch.serving.query;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

import io.churnwatch.serving.errors.ApiException;
import io.churnwatch.serving.errors.ErrorBody;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * Answers a request about one key wherever it arrives: here when this instance hosts the key's partition,
 * otherwise by forwarding the same request to the instance that does and relaying its answer. A request
 * that was itself forwarded is never forwarded again (ownership moved in between: 503, retry).
 */
@jakarta.inject.Singleton
public class KeyRouter {

    private final StreamsNode node;
    private final KeyLocator locator;
    private final InstanceClient instances;

    public KeyRouter(StreamsNode node, KeyLocator locator, InstanceClient instances) {
        this.node = node;
        this.locator = locator;
        this.instances = instances;
    }

    /**
     * Answers on the calling thread when the key is here (a store read: no hop to another thread pool), otherwise
     * forwards without blocking a thread while the owner answers. A failed forward completes the future with
     * {@link NodeUnavailableException} itself (503), not wrapped.
     *
     * @param local answers from this instance's stores, given the key's partition
     */
    public CompletableFuture<MutableHttpResponse<?>> route(String store, String key, HttpRequest<?> request,
                                                           IntFunction<MutableHttpResponse<?>> local) {
        KeyLocation location = locator.locate(store, key);
        if (location instanceof KeyLocation.Local here) {
            MutableHttpResponse<?> answer;
            try {
                answer = local.apply(here.partition());
            } catch (ApiException e) {
                answer = ErrorBody.response(e.status(), e.getMessage(), e.details());
            }
            return CompletableFuture.completedFuture(
                    answer.header(InstanceClient.SERVED_BY_HEADER, InstanceClient.describe(node.self())));
        }
        KeyLocation.Remote remote = (KeyLocation.Remote) location;
        String forwardedBy = request.getHeaders().get(InstanceClient.FORWARDED_HEADER);
        if (forwardedBy != null) {
            throw new NodeUnavailableException("key '" + key + "' was forwarded here by " + forwardedBy + " but is "
                    + "hosted by " + InstanceClient.describe(remote.host()) + ": its partition is moving");
        }
        CompletableFuture<MutableHttpResponse<?>> relayed = new CompletableFuture<>();
        instances.getAsync(remote.host(), pathAndQuery(request)).whenComplete((answer, error) -> {
            if (error != null) {
                relayed.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error);
            } else {
                relayed.complete(relay(answer));
            }
        });
        return relayed;
    }

    private static MutableHttpResponse<?> relay(InstanceClient.Relayed answer) {
        MutableHttpResponse<String> relayed = HttpResponse.<String>status(HttpStatus.valueOf(answer.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(InstanceClient.SERVED_BY_HEADER, InstanceClient.describe(answer.from()))
                .body(answer.body());
        if (answer.retryAfter() != null) {
            relayed.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
        }
        return relayed;
    }

    private static String pathAndQuery(HttpRequest<?> request) {
        String rawQuery = request.getUri().getRawQuery();
        String rawPath = request.getUri().getRawPath();
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }
}
