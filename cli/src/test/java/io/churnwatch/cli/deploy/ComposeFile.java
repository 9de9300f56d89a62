package io.churnwatch.cli.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A docker-compose file as compose reads it: YAML with merge keys ({@code <<: *anchor}) resolved, and the parts
 * the checks need (services, their environment, image, build, command, ports, dependencies) made typed.
 */
final class ComposeFile {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::?-([^}]*))?}");

    private final Path file;
    private final Map<String, Service> services = new LinkedHashMap<>();

    private ComposeFile(Path file, Map<String, Object> root) {
        this.file = file;
        Object declared = root.get("services");
        if (!(declared instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " has no services");
        }
        map.forEach((name, body) -> services.put(name.toString(), new Service(name.toString(), asMap(body))));
    }

    static ComposeFile load(Path file) throws IOException {
        return new ComposeFile(file, loadYaml(file));
    }

    /** Any YAML file as maps and lists (prometheus.yml too). */
    static Map<String, Object> loadYaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return asMap(loaded);
        }
    }

    Path directory() {
        return file.toAbsolutePath().getParent();
    }

    Map<String, Service> services() {
        return services;
    }

    /** What compose substitutes for {@code ${VAR:-default}} when VAR is unset: the default, else empty. */
    static String interpolateDefaults(String value) {
        Matcher matcher = INTERPOLATION.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2) == null ? "" : matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    static List<String> asStrings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> strings.add(String.valueOf(item)));
        } else if (value != null) {
            strings.add(String.valueOf(value));
        }
        return strings;
    }

    /** One service of the file. */
    record Service(String name, Map<String, Object> body) {

        Optional<String> image() {
            return Optional.ofNullable(body.get("image")).map(String::valueOf);
        }

        boolean imageIs(String repository) {
            return image().map(image -> image.startsWith(repository + ":") || image.equals(repository)).orElse(false);
        }

        boolean isBuilt() {
            return body.containsKey("build");
        }

        /** The build context and Dockerfile, relative to the compose file's directory. */
        Optional<Path[]> build(Path composeDirectory) {
            Object build = body.get("build");
            if (build == null) {
                return Optional.empty();
            }
            if (build instanceof String context) {
                Path dir = composeDirectory.resolve(context);
                return Optional.of(new Path[] {dir, dir.resolve("Dockerfile")});
            }
            Map<String, Object> spec = asMap(build);
            Path dir = composeDirectory.resolve(String.valueOf(spec.getOrDefault("context", ".")));
            return Optional.of(new Path[] {dir, dir.resolve(String.valueOf(spec.getOrDefault("dockerfile", "Dockerfile")))});
        }

        List<String> command() {
            return asStrings(body.get("command"));
        }

        /** The environment as the container gets it (list or mapping form), values as strings. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            Object declared = body.get("environment");
            if (declared instanceof List<?> list) {
                for (Object item : list) {
                    String entry = String.valueOf(item);
                    int eq = entry.indexOf('=');
                    env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
                }
            } else {
                asMap(declared).forEach((key, value) -> env.put(key, value == null ? "" : String.valueOf(value)));
            }
            return env;
        }

        /** {@code host:container} port mappings, as written. */
        List<String> ports() {
            return asStrings(body.get("ports"));
        }

        List<String> volumes() {
            return asStrings(body.get("volumes"));
        }

        Optional<String> hostname() {
            return Optional.ofNullable(body.get("hostname")).map(String::valueOf);
        }

        boolean hasHealthcheck() {
            return body.get("healthcheck") instanceof Map<?, ?>;
        }

        String healthcheckText() {
            return String.valueOf(asMap(body.get("healthcheck")).get("test"));
        }

        /** Service it depends on → condition (service_started when the short list form is used). */
        Map<String, String> dependsOn() {
            Map<String, String> dependencies = new LinkedHashMap<>();
            Object declared = body.get("depends_on");
            if (declared instanceof List<?> list) {
                list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
            } else {
                asMap(declared).forEach((name, spec) -> dependencies.put(name,
                        String.valueOf(asMap(spec).getOrDefault("condition", "service_started"))));
            }
            return dependencies;
        }
    }
}
