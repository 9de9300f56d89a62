package io.churnwatch.serving.query;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.state.HostInfo;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.churnwatch.serving.streams.StreamsNode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * HTTP to the other instances of the application: one pooled client per instance, bounded by the forward
 * timeout. Every request carries {@link #FORWARDED_HEADER}, so an instance that receives a forwarded request
 * for a key it does not own (ownership moved in between) answers 503 instead of forwarding again.
 */
@Singleton
public class InstanceClient {

    /** Marks a request as forwarded by another instance; its value is the forwarding instance. */
    public static final String FORWARDED_HEADER = "X-Churnwatch-Forwarded-By";
    /** Names the instance that answered, on every answer about a key. */
    public static final String SERVED_BY_HEADER = "X-Churnwatch-Served-By";

    private static final Logger LOG = LoggerFactory.getLogger(InstanceClient.class);

    private final StreamsNode node;
    private final ServingConfig config;
    private final Map<HostInfo, HttpClient> clients = new ConcurrentHashMap<>();

    public InstanceClient(StreamsNode node, ServingConfig config) {
        this.node = node;
        this.config = config;
    }

    /** A relayed answer: the remote status, JSON body and Retry-After (or null) as they came. */
    public record Relayed(int status, String body, String retryAfter, HostInfo from) {
    }

    /**
     * GETs {@code pathAndQuery} at {@code host} and returns whatever it answered, error statuses included.
     *
     * @throws NodeUnavailableException when the instance cannot be reached in time
     */
    public Relayed get(HostInfo host, String pathAndQuery) {
        try {
            HttpResponse<String> response = client(host).toBlocking().exchange(request(pathAndQuery), String.class);
            return new Relayed(response.code(), response.getBody().orElse(""), null, host);
        } catch (HttpClientResponseException e) {
            return relayError(e, host);
        } catch (HttpClientException e) {
            throw unreachable(host, pathAndQuery, e);
        }
    }

    /**
     * {@link #get} without blocking a thread while the other instance answers: the future completes on the
     * client's event loop, with the answer (error statuses included) or with {@link NodeUnavailableException}.
     */
    public CompletableFuture<Relayed> getAsync(HostInfo host, String pathAndQuery) {
        CompletableFuture<Relayed> answer = new CompletableFuture<>();
        HttpClient client;
        try {
            client = client(host);
        } catch (NodeUnavailableException e) {
            answer.completeExceptionally(e);
            return answer;
        }
        client.exchange(request(pathAndQuery), String.class).subscribe(new Subscriber<HttpResponse<String>>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(HttpResponse<String> response) {
                answer.complete(new Relayed(response.code(), response.getBody().orElse(""), null, host));
            }

            @Override
            public void onError(Throwable error) {
                if (error instanceof HttpClientResponseException e) {
                    answer.complete(relayError(e, host));
                } else if (error instanceof HttpClientException e) {
                    answer.completeExceptionally(unreachable(host, pathAndQuery, e));
                } else {
                    answer.completeExceptionally(error);
                }
            }

            @Override
            public void onComplete() {
                answer.completeExceptionally(new NodeUnavailableException("instance " + describe(host)
                        + " closed the connection without answering " + pathAndQuery));
            }
        });
        return answer;
    }

    private HttpRequest<?> request(String pathAndQuery) {
        return HttpRequest.GET(pathAndQuery).accept(MediaType.APPLICATION_JSON_TYPE)
                .header(FORWARDED_HEADER, describe(node.self()));
    }

    private static Relayed relayError(HttpClientResponseException e, HostInfo host) {
        return new Relayed(e.code(), e.getResponse().getBody(String.class).orElse(""),
                e.getResponse().getHeaders().get(HttpHeaders.RETRY_AFTER), host);
    }

    private static NodeUnavailableException unreachable(HostInfo host, String pathAndQuery, HttpClientException e) {
        LOG.warn("Instance {} did not answer {}: {}", describe(host), pathAndQuery, e.getMessage());
        return new NodeUnavailableException("instance " + describe(host) + " did not answer: " + e.getMessage(), e);
    }

    public static String describe(HostInfo host) {
        return host == null ? "unknown" : host.host() + ":" + host.port();
    }

    private HttpClient client(HostInfo host) {
        return clients.computeIfAbsent(host, this::create);
    }

    private HttpClient create(HostInfo host) {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(config.forwardTimeout());
        configuration.setConnectTimeout(config.forwardTimeout());
        configuration.setFollowRedirects(false);
        try {
            URL url = URI.create("http://" + describe(host)).toURL();
            return HttpClient.create(url, configuration);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new NodeUnavailableException("instance address " + describe(host) + " is not usable: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }
}
