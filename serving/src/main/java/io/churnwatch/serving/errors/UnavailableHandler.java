package io.churnwatch.serving.errors;

import java.util.Map;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.streams.NodeUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Not running, rebalancing, a store migrating, an owner out of reach: 503 with Retry-After. */
@Produces
@Singleton
public class UnavailableHandler implements ExceptionHandler<NodeUnavailableException, HttpResponse<Map<String, Object>>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnavailableHandler.class);

    private final ServingConfig config;

    public UnavailableHandler(ServingConfig config) {
        this.config = config;
    }

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, NodeUnavailableException exception) {
        LOG.debug("503 for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
        return ErrorBody.unavailable(exception.getMessage(), config.retryAfterSeconds());
    }

    /** A store exception that escaped the store wrappers means the same. */
    @Produces
    @Singleton
    public static class StoreStateHandler
            implements ExceptionHandler<InvalidStateStoreException, HttpResponse<Map<String, Object>>> {

        private final ServingConfig config;

        public StoreStateHandler(ServingConfig config) {
            this.config = config;
        }

        @Override
        public HttpResponse<Map<String, Object>> handle(HttpRequest request, InvalidStateStoreException exception) {
            return ErrorBody.unavailable("a state store is not queryable right now: " + exception.getMessage(),
                    config.retryAfterSeconds());
        }
    }
}
