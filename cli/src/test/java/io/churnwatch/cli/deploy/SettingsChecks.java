package io.churnwatch.cli.deploy;

import io.churnwatch.cli.deploy.ComposeFile.Service;
import io.churnwatch.cli.deploy.KnownSettings.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every variable a service sets is one its program reads, with a value it accepts; and the replication settings
 * make a cluster that survives one broker: replication factor 3, min ISR 2, everywhere.
 */
final class SettingsChecks {

    static final int BROKERS = 3;
    static final String REPLICATION = "3";
    static final String MIN_ISR = "2";

    private SettingsChecks() {
    }

    static void check(Deployment deployment, Consumer<String> problems) {
        for (Service service : deployment.churnwatch()) {
            churnwatchSettings(service, problems);
        }
        for (Service broker : deployment.brokers()) {
            kafkaSettings(broker, problems);
        }
        for (Service registry : deployment.registries()) {
            registrySettings(registry, problems);
        }
        clusterIdentity(deployment.brokers(), problems);
        replication(deployment, problems);
    }

    private static void churnwatchSettings(Service service, Consumer<String> problems) {
        Role role;
        try {
            role = Deployment.role(service);
        } catch (IllegalArgumentException e) {
            problems.accept(service.name() + ": " + e.getMessage());
            return;
        }
        Map<String, String> env = Deployment.effectiveEnvironment(service);
        Set<String> known = KnownSettings.read(role, KnownSettings.embedsRegistry(env));
        for (String key : env.keySet()) {
            boolean foreign = key.startsWith("KAFKA_") || key.startsWith("SCHEMA_REGISTRY_");
            if ((key.startsWith("CHURNWATCH_") && !known.contains(key)) || foreign) {
                problems.accept(service.name() + ": " + key + " is not read by 'churnwatch "
                        + role.name().toLowerCase(java.util.Locale.ROOT) + "'");
            }
        }
        try {
            KnownSettings.validate(role, env);
        } catch (IllegalArgumentException e) {
            problems.accept(service.name() + ": invalid value: " + e.getMessage());
        }
    }

    private static void kafkaSettings(Service broker, Consumer<String> problems) {
        Map<String, String> env = Deployment.effectiveEnvironment(broker);
        for (String key : env.keySet()) {
            if (key.startsWith("CHURNWATCH_") || key.startsWith("SCHEMA_REGISTRY_")) {
                problems.accept(broker.name() + ": " + key + " is not read by Kafka");
            } else if (key.startsWith("KAFKA_") && !ThirdPartySettings.KAFKA_SCRIPT_VARIABLES.contains(key)
                    && !ThirdPartySettings.isKafkaBrokerProperty(ThirdPartySettings.kafkaProperty(key))) {
                problems.accept(broker.name() + ": " + key + " is no Kafka setting (it would become the unknown "
                        + "broker property '" + ThirdPartySettings.kafkaProperty(key) + "')");
            }
        }
        try {
            ThirdPartySettings.validateKafka(ThirdPartySettings.kafkaProperties(env));
        } catch (RuntimeException e) {
            problems.accept(broker.name() + ": the broker would refuse its configuration: " + e.getMessage());
        }
    }

    private static void registrySettings(Service registry, Consumer<String> problems) {
        Map<String, String> env = Deployment.effectiveEnvironment(registry);
        for (String key : env.keySet()) {
            if ((key.startsWith("SCHEMA_REGISTRY_") && !ThirdPartySettings.REGISTRY_VARIABLES.contains(key))
                    || key.startsWith("CHURNWATCH_") || key.startsWith("KAFKA_")) {
                problems.accept(registry.name() + ": " + key + " is not read by the schema registry");
            }
        }
        for (String required : ThirdPartySettings.REGISTRY_REQUIRED) {
            if (env.getOrDefault(required, "").isBlank()) {
                problems.accept(registry.name() + ": " + required + " is required by the image");
            }
        }
    }

    /** KRaft: one cluster id for all, a distinct node id each, and a voter for each combined broker. */
    private static void clusterIdentity(List<Service> brokers, Consumer<String> problems) {
        Set<String> clusterIds = new HashSet<>();
        Set<String> nodeIds = new HashSet<>();
        for (Service broker : brokers) {
            Map<String, String> env = Deployment.effectiveEnvironment(broker);
            clusterIds.add(env.getOrDefault("CLUSTER_ID", ""));
            if (!nodeIds.add(env.getOrDefault("KAFKA_NODE_ID", ""))) {
                problems.accept(broker.name() + ": KAFKA_NODE_ID " + env.get("KAFKA_NODE_ID") + " is taken");
            }
            String voters = env.getOrDefault("KAFKA_CONTROLLER_QUORUM_VOTERS", "");
            if (!voters.contains(env.getOrDefault("KAFKA_NODE_ID", "?") + "@" + broker.name() + ":")) {
                problems.accept(broker.name() + ": is not a voter in KAFKA_CONTROLLER_QUORUM_VOTERS=" + voters);
            }
        }
        if (clusterIds.size() != 1 || clusterIds.contains("")) {
            problems.accept("the brokers need one CLUSTER_ID between them, found " + clusterIds);
        }
    }

    private static void replication(Deployment deployment, Consumer<String> problems) {
        if (deployment.brokers().size() != BROKERS) {
            problems.accept("expected " + BROKERS + " Kafka brokers, found " + deployment.brokers().size());
        }
        for (Service broker : deployment.brokers()) {
            expect(broker, "KAFKA_DEFAULT_REPLICATION_FACTOR", REPLICATION, problems);
            expect(broker, "KAFKA_MIN_INSYNC_REPLICAS", MIN_ISR, problems);
            expect(broker, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", REPLICATION, problems);
            expect(broker, "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", REPLICATION, problems);
            expect(broker, "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", MIN_ISR, problems);
        }
        for (Service registry : deployment.registries()) {
            expect(registry, "SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", REPLICATION, problems);
        }
        for (Service service : deployment.churnwatch()) {
            Role role = Deployment.roleOrNull(service);
            if (role == Role.SERVE) {
                expect(service, "CHURNWATCH_REPLICATION_FACTOR", REPLICATION, problems);
            } else if (role == Role.TRAIN) {
                expect(service, "CHURNWATCH_MODELS_REPLICATION_FACTOR", REPLICATION, problems);
            }
        }
    }

    private static void expect(Service service, String key, String expected, Consumer<String> problems) {
        String actual = Deployment.effectiveEnvironment(service).get(key);
        if (actual == null || !actual.trim().equals(expected)) {
            problems.accept(service.name() + ": " + key + " must be " + expected + ", is " + actual);
        }
    }
}
