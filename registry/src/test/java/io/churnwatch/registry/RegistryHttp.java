package io.churnwatch.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare HTTP client for the registry's REST API in tests: what goes over the wire, nothing cached. */
final class RegistryHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, parsed JSON body and the content type sent back. */
    record Answer(int status, JsonNode json, String contentType) {
        int errorCode() {
            return json.path("error_code").asInt(-1);
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Answer get(String path) {
        return send("GET", path, null, RegistryApi.CONTENT_TYPE);
    }

    Answer post(String path, String body) {
        return send("POST", path, body, RegistryApi.CONTENT_TYPE);
    }

    Answer put(String path, String body) {
        return send("PUT", path, body, RegistryApi.CONTENT_TYPE);
    }

    /** POST {"schema": schemaText}. */
    Answer postSchema(String path, String schemaText) {
        return post(path, JSON.createObjectNode().put("schema", schemaText).toString());
    }

    Answer send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), JSON.readTree(response.body()),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
