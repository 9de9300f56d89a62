package io.churnwatch.serving.errors;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The last resort: a failure nothing more specific handled. The client gets a 500 with an incident id and no
 * internals; the log gets the stack trace under the same id.
 */
@Produces
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<Map<String, Object>>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    @Override
    public HttpResponse<Map<String, Object>> handle(HttpRequest request, RuntimeException exception) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Incident {} answering {} {}", incident, request.getMethod(), request.getPath(), exception);
        return ErrorBody.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (incident " + incident + ")",
                Map.of("incident", incident));
    }
}
