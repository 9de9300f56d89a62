package io.churnwatch.serving.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Every error Micronaut answers by itself (unknown route, wrong method, unreadable JSON, a parameter of the wrong
 * type, a constraint violated, a missing body) in the API's one error shape, whatever the client accepts:
 * {@code {"error": "...", "status": N, "problems": [{"field": ..., "message": ...}]}}.
 */
@Primary
@Singleton
public class JsonErrorResponses implements ErrorResponseProcessor<Map<String, Object>> {

    @Override
    public MutableHttpResponse<Map<String, Object>> processResponse(ErrorContext context,
                                                                    MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, String>> problems = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Error error : context.getErrors()) {
            messages.add(error.getMessage());
            Map<String, String> problem = new LinkedHashMap<>();
            error.getPath().ifPresent(path -> problem.put("field", path));
            problem.put("message", error.getMessage());
            problems.add(problem);
        }
        body.put("error", messages.isEmpty() ? status.getReason() : String.join("; ", messages));
        body.put("status", status.getCode());
        if (problems.size() > 1 || problems.stream().anyMatch(problem -> problem.containsKey("field"))) {
            body.put("problems", problems);
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
    }
}
