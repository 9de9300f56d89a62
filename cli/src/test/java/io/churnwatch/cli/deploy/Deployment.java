package io.churnwatch.cli.deploy;

import io.churnwatch.cli.deploy.ComposeFile.Service;
import io.churnwatch.cli.deploy.KnownSettings.Role;
import io.churnwatch.serving.config.ServingSetting;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services of a compose file grouped by what they are: brokers, registries, churnwatch roles, Prometheus. */
record Deployment(ComposeFile compose) {

    List<Service> brokers() {
        return compose.services().values().stream().filter(s -> s.imageIs(ThirdPartySettings.KAFKA_IMAGE)).toList();
    }

    List<Service> registries() {
        return compose.services().values().stream().filter(s -> s.imageIs(ThirdPartySettings.REGISTRY_IMAGE)).toList();
    }

    List<Service> prometheuses() {
        return compose.services().values().stream().filter(s -> s.imageIs(ThirdPartySettings.PROMETHEUS_IMAGE)).toList();
    }

    /** Services running the project's image: built here, or named like it. */
    List<Service> churnwatch() {
        return compose.services().values().stream()
                .filter(s -> s.isBuilt() || s.image().map(image -> image.startsWith("churnwatch")).orElse(false))
                .toList();
    }

    List<Service> serving() {
        return churnwatch().stream().filter(s -> roleOrNull(s) == Role.SERVE).toList();
    }

    /** The command's first word; the image's default command is {@code serve}. */
    static Role role(Service service) {
        List<String> command = service.command();
        return Role.of(command.isEmpty() ? "serve" : command.get(0));
    }

    /** The role, or null when the command is none the checks know (reported on its own). */
    static Role roleOrNull(Service service) {
        try {
            return role(service);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The environment with {@code ${VAR:-default}} as compose fills it when VAR is unset. */
    static Map<String, String> effectiveEnvironment(Service service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        service.environment().forEach((key, value) -> env.put(key, ComposeFile.interpolateDefaults(value)));
        return env;
    }

    /** The port a serving node's HTTP server listens on in its container. */
    static int httpPort(Service service) {
        return Integer.parseInt(effectiveEnvironment(service)
                .getOrDefault(ServingSetting.HTTP_PORT.envVar(), ServingSetting.HTTP_PORT.defaultValue()).trim());
    }

    Optional<Service> byHost(List<Service> candidates, String host) {
        return candidates.stream()
                .filter(s -> s.name().equals(host) || s.hostname().map(host::equals).orElse(false))
                .findFirst();
    }

    /** {@code "8082:8080"} → 8080; {@code "8080"} → 8080; protocol suffixes dropped. */
    static int containerPort(String mapping) {
        String container = mapping.substring(mapping.lastIndexOf(':') + 1);
        int slash = container.indexOf('/');
        return Integer.parseInt(slash < 0 ? container : container.substring(0, slash));
    }

    /** {@code PLAINTEXT://kafka-1:9092} or {@code kafka-1:9092} → {host, port}. */
    static String[] hostAndPort(String endpoint) {
        String plain = endpoint.trim();
        int scheme = plain.indexOf("://");
        if (scheme >= 0) {
            plain = plain.substring(scheme + 3);
        }
        int colon = plain.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + endpoint + "' has no port");
        }
        return new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
    }
}
