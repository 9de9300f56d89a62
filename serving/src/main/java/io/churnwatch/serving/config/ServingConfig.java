package io.churnwatch.serving.config;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.churnwatch.streams.config.SettingValues;

/**
 * The serving node's own settings, typed; each from its {@link ServingSetting}'s environment variable or the
 * documented default. A malformed value fails at start with the variable's name in the message.
 *
 * @param adminToken the bearer token of the admin endpoints; empty when they are disabled
 */
public record ServingConfig(String httpHost, int httpPort, String advertisedHost, String adminToken,
                            boolean embeddedRegistry, Duration forwardTimeout, Duration retryAfter) {

    public static ServingConfig from(Map<String, String> env) {
        return new ServingConfig(
                read(env, ServingSetting.HTTP_HOST, SettingValues::nonEmpty),
                read(env, ServingSetting.HTTP_PORT, ServingConfig::port),
                read(env, ServingSetting.ADVERTISED_HOST, SettingValues::nonEmpty),
                read(env, ServingSetting.ADMIN_TOKEN, Function.identity()),
                read(env, ServingSetting.EMBEDDED_REGISTRY, SettingValues::bool),
                read(env, ServingSetting.FORWARD_TIMEOUT, SettingValues::positiveDuration),
                read(env, ServingSetting.RETRY_AFTER, SettingValues::positiveDuration));
    }

    public boolean adminEnabled() {
        return !adminToken.isEmpty();
    }

    /** Whole seconds for the {@code Retry-After} header (at least 1). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    private static <T> T read(Map<String, String> env, ServingSetting setting, Function<String, T> parse) {
        String raw = env.get(setting.envVar());
        String text = raw == null ? setting.defaultValue() : raw.trim();
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(setting.envVar() + "='" + text + "' is invalid: " + e.getMessage()
                    + " (" + setting.description() + ")", e);
        }
    }

    private static int port(String text) {
        int port = Integer.parseInt(text);
        if (port < -1 || port > 65535) {
            throw new IllegalArgumentException("must be a port between 0 and 65535 (or -1 for any free port)");
        }
        return port;
    }
}
