package io.churnwatch.cli.deploy;

import io.churnwatch.cli.deploy.ComposeFile.Service;
import io.churnwatch.cli.deploy.KnownSettings.Role;
import io.churnwatch.streams.config.Setting;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The services find each other: every serving node announces its own service name and container port as
 * application.server, all of them differently; every bootstrap list and registry URL names a service and a port
 * it listens on; services wait for the healthchecks of what they need.
 */
final class TopologyChecks {

    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy",
            "service_completed_successfully");

    private TopologyChecks() {
    }

    static void check(Deployment deployment, Consumer<String> problems) {
        servingNodes(deployment.serving(), problems);
        for (Service service : deployment.churnwatch()) {
            Map<String, String> env = Deployment.effectiveEnvironment(service);
            String bootstrap = env.get(Setting.BOOTSTRAP_SERVERS.envVar());
            if (bootstrap == null) {
                problems.accept(service.name() + ": " + Setting.BOOTSTRAP_SERVERS.envVar() + " is not set");
            } else {
                bootstrapServers(deployment, service.name(), bootstrap, problems);
            }
            if (!KnownSettings.embedsRegistry(env)) {
                registryUrl(deployment, service.name(), env.get(Setting.SCHEMA_REGISTRY_URL.envVar()), problems);
            }
        }
        for (Service registry : deployment.registries()) {
            bootstrapServers(deployment, registry.name(), Deployment.effectiveEnvironment(registry)
                    .getOrDefault("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", ""), problems);
        }
        dependencies(deployment, problems);
    }

    private static void servingNodes(List<Service> serving, Consumer<String> problems) {
        if (serving.size() < 2) {
            problems.accept("a cluster needs at least two serving nodes, found " + serving.size());
        }
        Set<String> announced = new HashSet<>();
        Set<String> applicationIds = new HashSet<>();
        for (Service node : serving) {
            Map<String, String> env = Deployment.effectiveEnvironment(node);
            applicationIds.add(env.getOrDefault(Setting.APPLICATION_ID.envVar(), Setting.APPLICATION_ID.defaultValue()));
            String server = env.getOrDefault(Setting.APPLICATION_SERVER.envVar(), "").trim();
            int port = Deployment.httpPort(node);
            if (server.isEmpty()) {
                problems.accept(node.name() + ": " + Setting.APPLICATION_SERVER.envVar() + " is not set, so no "
                        + "other node can forward to it");
                continue;
            }
            if (!announced.add(server)) {
                problems.accept(node.name() + ": application.server " + server + " is announced by another node too");
            }
            String[] hostPort = Deployment.hostAndPort(server);
            if (!hostPort[0].equals(node.name())) {
                problems.accept(node.name() + ": application.server host '" + hostPort[0] + "' is not its service name");
            }
            node.hostname().filter(hostname -> !hostname.equals(node.name())).ifPresent(hostname ->
                    problems.accept(node.name() + ": hostname '" + hostname + "' differs from its service name"));
            if (!hostPort[1].equals(Integer.toString(port))) {
                problems.accept(node.name() + ": application.server port " + hostPort[1] + " is not the port it "
                        + "listens on (" + port + ")");
            }
            for (String mapping : node.ports()) {
                if (Deployment.containerPort(mapping) != port) {
                    problems.accept(node.name() + ": publishes container port of '" + mapping + "' but listens on "
                            + port);
                }
            }
            if (node.hasHealthcheck() && !java.util.regex.Pattern.compile(":" + port + "/health(?![\\w/])")
                    .matcher(node.healthcheckText()).find()) {
                problems.accept(node.name() + ": its healthcheck does not ask :" + port + "/health");
            }
        }
        if (applicationIds.size() > 1) {
            problems.accept("the serving nodes must form one application, but have application ids " + applicationIds);
        }
    }

    /** Each entry names a broker service and a port the broker advertises for that name and listens on. */
    static void bootstrapServers(Deployment deployment, String who, String list, Consumer<String> problems) {
        if (list.isBlank()) {
            problems.accept(who + ": no bootstrap servers");
        }
        for (String entry : list.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] hostPort = Deployment.hostAndPort(entry);
            Optional<Service> broker = deployment.byHost(deployment.brokers(), hostPort[0]);
            if (broker.isEmpty()) {
                problems.accept(who + ": bootstrap server " + entry.trim() + " names no Kafka service");
                continue;
            }
            Map<String, String> env = Deployment.effectiveEnvironment(broker.get());
            boolean advertised = false;
            for (String listener : env.getOrDefault("KAFKA_ADVERTISED_LISTENERS", "").split(",")) {
                String name = listener.contains("://") ? listener.substring(0, listener.indexOf("://")).trim() : "";
                String[] advertisedAt = Deployment.hostAndPort(listener);
                if (advertisedAt[0].equals(hostPort[0]) && advertisedAt[1].equals(hostPort[1])
                        && env.getOrDefault("KAFKA_LISTENERS", "").contains(name + "://:" + hostPort[1])) {
                    advertised = true;
                }
            }
            if (!advertised) {
                problems.accept(who + ": bootstrap server " + entry.trim() + " is no listener " + broker.get().name()
                        + " listens on and advertises under that name");
            }
        }
    }

    private static void registryUrl(Deployment deployment, String who, String url, Consumer<String> problems) {
        if (url == null || url.isBlank()) {
            problems.accept(who + ": " + Setting.SCHEMA_REGISTRY_URL.envVar() + " is not set");
            return;
        }
        URI uri = URI.create(url.trim());
        Optional<Service> registry = deployment.byHost(deployment.registries(), uri.getHost());
        if (registry.isEmpty()) {
            problems.accept(who + ": schema registry URL " + url + " names no schema-registry service");
            return;
        }
        String listeners = Deployment.effectiveEnvironment(registry.get())
                .getOrDefault("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081");
        String port = Deployment.hostAndPort(listeners.split(",")[0])[1];
        if (!Integer.toString(uri.getPort()).equals(port)) {
            problems.accept(who + ": schema registry URL " + url + " does not use the port it listens on (" + port + ")");
        }
    }

    private static void dependencies(Deployment deployment, Consumer<String> problems) {
        Map<String, Service> services = deployment.compose().services();
        for (Service service : services.values()) {
            service.dependsOn().forEach((target, condition) -> {
                if (!services.containsKey(target)) {
                    problems.accept(service.name() + ": depends on '" + target + "', which is no service");
                } else if (!CONDITIONS.contains(condition)) {
                    problems.accept(service.name() + ": unknown depends_on condition '" + condition + "'");
                } else if (condition.equals("service_healthy") && !services.get(target).hasHealthcheck()) {
                    problems.accept(service.name() + ": waits for " + target + " to be healthy, which has no healthcheck");
                }
            });
        }
        List<Service> needHealthchecks = new java.util.ArrayList<>(deployment.brokers());
        needHealthchecks.addAll(deployment.registries());
        needHealthchecks.addAll(deployment.serving());
        needHealthchecks.addAll(deployment.prometheuses());
        for (Service service : needHealthchecks) {
            if (!service.hasHealthcheck()) {
                problems.accept(service.name() + ": has no healthcheck");
            }
        }
        List<Service> needed = new java.util.ArrayList<>(deployment.brokers());
        needed.addAll(deployment.registries());
        for (Service node : deployment.serving()) {
            for (Service dependency : needed) {
                if (!"service_healthy".equals(node.dependsOn().get(dependency.name()))) {
                    problems.accept(node.name() + ": does not wait for " + dependency.name() + " to be healthy");
                }
            }
        }
        deployment.churnwatch().stream().filter(s -> Deployment.roleOrNull(s) != Role.SERVE).forEach(service -> {
            if (service.dependsOn().values().stream().noneMatch("service_healthy"::equals)) {
                problems.accept(service.name() + ": starts without waiting for anything to be healthy");
            }
        });
    }
}
