package io.churnwatch.serving.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.churnwatch.serving.config.ServingConfig;
import io.churnwatch.serving.errors.ErrorBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Guards every {@code /admin/**} endpoint with a bearer token ({@code CHURNWATCH_ADMIN_TOKEN}). No token
 * configured: the endpoints are disabled (403), so a node is never left open by forgetting to set one. A missing
 * or wrong token: 401 with {@code WWW-Authenticate: Bearer}. Tokens are compared in constant time.
 */
@ServerFilter("/admin/**")
public class AdminTokenFilter {

    private static final String BEARER = "Bearer ";

    private final ServingConfig config;

    public AdminTokenFilter(ServingConfig config) {
        this.config = config;
    }

    /** Null lets the request through; anything else is the answer. */
    @RequestFilter
    @Nullable
    public HttpResponse<?> authorize(HttpRequest<?> request) {
        if (!config.adminEnabled()) {
            return ErrorBody.response(HttpStatus.FORBIDDEN,
                    "admin endpoints are disabled on this node: set CHURNWATCH_ADMIN_TOKEN to enable them");
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized("an admin endpoint needs 'Authorization: Bearer <token>'");
        }
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = config.adminToken().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, expected)) {
            return unauthorized("the bearer token is not valid");
        }
        return null;
    }

    private static HttpResponse<?> unauthorized(String message) {
        return ErrorBody.response(HttpStatus.UNAUTHORIZED, message)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"churnwatch-admin\"");
    }
}
