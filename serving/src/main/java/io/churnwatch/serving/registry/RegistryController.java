package io.churnwatch.serving.registry;

import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.registry.RegistryApi;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The embedded registry's Confluent-API endpoints on this node's own port, same paths as on the registry's port,
 * so a client may use either URL as {@code schema.registry.url}. Errors keep Confluent's
 * {@code {"error_code", "message"}} shape, which registry clients parse. Left out of this node's OpenAPI document:
 * it is Confluent's API, and present only in one-machine mode.
 */
@Hidden
@Controller
@Requires(beans = EmbeddedSchemaRegistry.class)
@ExecuteOn(TaskExecutors.BLOCKING)
@Consumes({RegistryApi.CONTENT_TYPE, MediaType.APPLICATION_JSON, "application/vnd.schemaregistry+json",
        MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
public class RegistryController {

    private final RegistryApi api;

    public RegistryController(EmbeddedSchemaRegistry registry) {
        this.api = new RegistryApi(registry.service());
    }

    @Get("/subjects")
    public HttpResponse<String> subjects(HttpRequest<?> request) {
        return answer(request, null);
    }

    @Get("/subjects/{+rest}")
    public HttpResponse<String> subject(HttpRequest<?> request, @PathVariable String rest) {
        return answer(request, null);
    }

    @Get("/schemas/{+rest}")
    public HttpResponse<String> schema(HttpRequest<?> request, @PathVariable String rest) {
        return answer(request, null);
    }

    @Get("/config{/subject}")
    public HttpResponse<String> config(HttpRequest<?> request, @Nullable @PathVariable String subject) {
        return answer(request, null);
    }

    @Post("/subjects/{+rest}")
    public HttpResponse<String> register(HttpRequest<?> request, @PathVariable String rest, @Nullable @Body byte[] body) {
        return answer(request, body);
    }

    @Post("/compatibility/{+rest}")
    public HttpResponse<String> compatibility(HttpRequest<?> request, @PathVariable String rest,
                                              @Nullable @Body byte[] body) {
        return answer(request, body);
    }

    @Put("/config{/subject}")
    public HttpResponse<String> setConfig(HttpRequest<?> request, @Nullable @PathVariable String subject,
                                          @Nullable @Body byte[] body) {
        return answer(request, body);
    }

    @Delete("/config/{subject}")
    public HttpResponse<String> deleteConfig(HttpRequest<?> request, @PathVariable String subject) {
        return answer(request, null);
    }

    private HttpResponse<String> answer(HttpRequest<?> request, byte[] body) {
        RegistryApi.Response response = api.handle(request.getMethodName(), request.getUri().getRawPath(),
                request.getUri().getRawQuery(), body);
        return HttpResponse.<String>status(HttpStatus.valueOf(response.status()))
                .contentType(RegistryApi.CONTENT_TYPE)
                .body(response.body());
    }
}
