package io.churnwatch.serving.config;

/**
 * The settings of the serving node beyond those of the streams app ({@link io.churnwatch.streams.config.Setting}):
 * environment variable, default and meaning. The single source for {@link ServingConfig} and {@code --help}.
 */
public enum ServingSetting {
    HTTP_HOST("0.0.0.0", "Address the HTTP server binds to."),
    HTTP_PORT("8080", "HTTP port of the API (0 or -1: any free port)."),
    ADVERTISED_HOST("localhost", "Host name other instances reach this one by, used for application.server when "
            + "CHURNWATCH_APPLICATION_SERVER is empty (the port is then the HTTP port)."),
    ADMIN_TOKEN("", "Bearer token for /admin/** endpoints; empty disables them (403)."),
    EMBEDDED_REGISTRY("false", "Start the embedded schema registry (one-machine mode) and serve its API on this node; "
            + "the streams then use it whatever CHURNWATCH_SCHEMA_REGISTRY_URL says."),
    FORWARD_TIMEOUT("5s", "How long a request forwarded to the instance that owns a key may take."),
    RETRY_AFTER("2s", "Retry-After sent with 503 answers while the instance is not running or rebalancing.");

    private final String defaultValue;
    private final String description;

    ServingSetting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The environment variable, e.g. {@code CHURNWATCH_ADMIN_TOKEN}. */
    public String envVar() {
        return "CHURNWATCH_" + name();
    }

    /** The Micronaut property that overrides the variable, e.g. {@code churnwatch.admin-token}. */
    public String property() {
        return ConfigSource.propertyOf(name());
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
