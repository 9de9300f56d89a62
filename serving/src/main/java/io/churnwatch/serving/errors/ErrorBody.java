package io.churnwatch.serving.errors;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** The one shape of every error answer: {@code {"error": "...", "status": N, ...details}}. */
public final class ErrorBody {

    private ErrorBody() {
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String message) {
        return response(status, message, Map.of());
    }

    public static MutableHttpResponse<Map<String, Object>> response(HttpStatus status, String message,
                                                                     Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("status", status.getCode());
        body.putAll(details);
        return HttpResponse.<Map<String, Object>>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }

    /** 503 with {@code Retry-After}: the client should come back shortly. */
    public static MutableHttpResponse<Map<String, Object>> unavailable(String message, long retryAfterSeconds) {
        return response(HttpStatus.SERVICE_UNAVAILABLE, message, Map.of("retryAfterSeconds", retryAfterSeconds))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }
}
