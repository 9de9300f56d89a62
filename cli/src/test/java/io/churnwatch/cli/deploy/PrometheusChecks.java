package io.churnwatch.cli.deploy;

import io.churnwatch.cli.deploy.ComposeFile.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Prometheus scrapes {@code /prometheus} of every serving node, on the port the node listens on. */
final class PrometheusChecks {

    static final String METRICS_PATH = "/prometheus";
    private static final String DEFAULT_CONFIG = "/etc/prometheus/prometheus.yml";

    private PrometheusChecks() {
    }

    static void check(Deployment deployment, Consumer<String> problems) {
        if (deployment.prometheuses().isEmpty()) {
            problems.accept("no Prometheus service");
        }
        for (Service prometheus : deployment.prometheuses()) {
            Optional<Path> config = configFile(deployment, prometheus);
            if (config.isEmpty() || !Files.isRegularFile(config.get())) {
                problems.accept(prometheus.name() + ": its configuration file is not mounted from this repository"
                        + config.map(path -> " (" + path + " does not exist)").orElse(""));
                continue;
            }
            Set<String> scraped = new HashSet<>();
            for (Object job : (List<?>) load(config.get()).getOrDefault("scrape_configs", List.of())) {
                Map<String, Object> scrape = ComposeFile.asMap(job);
                String path = String.valueOf(scrape.getOrDefault("metrics_path", "/metrics"));
                for (Object staticConfig : (List<?>) scrape.getOrDefault("static_configs", List.of())) {
                    for (String target : ComposeFile.asStrings(ComposeFile.asMap(staticConfig).get("targets"))) {
                        target(deployment, prometheus.name(), target, path, problems).ifPresent(scraped::add);
                    }
                }
            }
            for (Service node : deployment.serving()) {
                if (!scraped.contains(node.name())) {
                    problems.accept(prometheus.name() + ": does not scrape " + node.name());
                }
            }
        }
    }

    private static Optional<String> target(Deployment deployment, String who, String target, String path,
                                           Consumer<String> problems) {
        String[] hostPort = Deployment.hostAndPort(target);
        Optional<Service> node = deployment.byHost(deployment.serving(), hostPort[0]);
        if (node.isEmpty()) {
            problems.accept(who + ": target " + target + " is no serving node");
            return Optional.empty();
        }
        if (!hostPort[1].equals(Integer.toString(Deployment.httpPort(node.get())))) {
            problems.accept(who + ": target " + target + " is not the port " + node.get().name() + " listens on ("
                    + Deployment.httpPort(node.get()) + ")");
        }
        if (!path.equals(METRICS_PATH)) {
            problems.accept(who + ": scrapes " + target + " at " + path + ", but the nodes serve " + METRICS_PATH);
        }
        return Optional.of(node.get().name());
    }

    /** The host file mounted where Prometheus reads its configuration ({@code --config.file}). */
    private static Optional<Path> configFile(Deployment deployment, Service prometheus) {
        String inContainer = prometheus.command().stream().filter(arg -> arg.startsWith("--config.file="))
                .map(arg -> arg.substring("--config.file=".length())).findFirst().orElse(DEFAULT_CONFIG);
        for (String volume : prometheus.volumes()) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].equals(inContainer) && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                return Optional.of(deployment.compose().directory().resolve(parts[0]).normalize());
            }
        }
        return Optional.empty();
    }

    private static Map<String, Object> load(Path file) {
        try {
            return ComposeFile.loadYaml(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
