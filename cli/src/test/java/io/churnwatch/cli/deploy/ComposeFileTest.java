package io.churnwatch.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.cli.deploy.KnownSettings.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked against the code instead: the
 * variables each service sets are the ones its program reads, with values it accepts; the services find each
 * other; replication is 3/2; images are pinned; the Dockerfile installs what xgboost4j needs. A broken copy of
 * each file shows that each check can fail.
 */
class ComposeFileTest {

    private static final Path ROOT = repositoryRoot();
    private static final String COMPOSE = "docker-compose.yml";
    private static final String PROMETHEUS = "deploy/prometheus.yml";
    private static final String DOCKERFILE = "deploy/Dockerfile";

    @Test
    void theRepositorysComposeFileHasNoProblems() throws IOException {
        assertThat(ComposeChecks.problems(ROOT.resolve(COMPOSE))).isEmpty();
    }

    @Test
    void theComposeFileDescribesTheClusterOfTheIssue() throws IOException {
        Deployment deployment = new Deployment(ComposeFile.load(ROOT.resolve(COMPOSE)));
        assertThat(deployment.brokers()).extracting(ComposeFile.Service::name)
                .containsExactly("kafka-1", "kafka-2", "kafka-3");
        assertThat(deployment.registries()).extracting(ComposeFile.Service::name).containsExactly("schema-registry");
        assertThat(deployment.serving()).extracting(ComposeFile.Service::name).containsExactly("serving-1", "serving-2");
        assertThat(deployment.churnwatch()).extracting(Deployment::role).contains(Role.TRAIN);
        assertThat(deployment.prometheuses()).hasSize(1);
        // Merge keys (<<: *anchor) are resolved: the shared settings reach every node.
        assertThat(Deployment.effectiveEnvironment(deployment.serving().get(1)))
                .containsEntry("CHURNWATCH_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092")
                .containsEntry("CHURNWATCH_APPLICATION_SERVER", "serving-2:8080")
                .containsEntry("CHURNWATCH_TIMER_MODE", "wall-clock");
        assertThat(ROOT.resolve(".dockerignore")).content().contains("**/target", "data/runtime");
    }

    @Test
    void theKnownSettingsAreReadFromTheConfigurationClasses() {
        assertThat(KnownSettings.read(Role.SERVE, false)).contains("CHURNWATCH_BOOTSTRAP_SERVERS",
                "CHURNWATCH_APPLICATION_SERVER", "CHURNWATCH_HTTP_PORT", "CHURNWATCH_HOLDOUT_SHARE",
                "CHURNWATCH_LOG_LEVEL").doesNotContain("CHURNWATCH_TRAIN_EVERY", "CHURNWATCH_REGISTRY_PORT");
        assertThat(KnownSettings.read(Role.SERVE, true)).contains("CHURNWATCH_REGISTRY_PORT");
        assertThat(KnownSettings.read(Role.TRAIN, false)).contains("CHURNWATCH_TRAIN_EVERY",
                "CHURNWATCH_MODELS_REPLICATION_FACTOR").doesNotContain("CHURNWATCH_HTTP_PORT");
        assertThat(ThirdPartySettings.kafkaProperty("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"))
                .isEqualTo("transaction.state.log.min.isr");
        assertThat(ThirdPartySettings.isKafkaBrokerProperty("transaction.state.log.min.isr")).isTrue();
        assertThat(ThirdPartySettings.isKafkaBrokerProperty("transaction.state.log.min.isrs")).isFalse();
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken(COMPOSE, "CHURNWATCH_APPLICATION_SERVER: serving-2:8080",
                        "CHURNWATCH_APPLICATON_SERVER: serving-2:8080",
                        "serving-2: CHURNWATCH_APPLICATON_SERVER is not read by 'churnwatch serve'"),
                broken(COMPOSE, "CHURNWATCH_TOPIC_PARTITIONS: 6", "CHURNWATCH_TRAIN_EVERY: 6h",
                        "serving-1: CHURNWATCH_TRAIN_EVERY is not read by 'churnwatch serve'"),
                broken(COMPOSE, "CHURNWATCH_TOPIC_PARTITIONS: 6", "CHURNWATCH_TOPIC_PARTITIONS: six",
                        "serving-1: invalid value: CHURNWATCH_TOPIC_PARTITIONS"),
                broken(COMPOSE, "CHURNWATCH_APPLICATION_SERVER: serving-2:8080",
                        "CHURNWATCH_APPLICATION_SERVER: serving-1:8080", "is announced by another node too"),
                broken(COMPOSE, "CHURNWATCH_APPLICATION_SERVER: serving-2:8080",
                        "CHURNWATCH_APPLICATION_SERVER: serving-2:8082",
                        "serving-2: application.server port 8082 is not the port it listens on (8080)"),
                broken(COMPOSE, "\"8082:8080\"", "\"8082:8082\"", "serving-2: publishes container port"),
                broken(COMPOSE, "prom/prometheus:v3.5.0", "prom/prometheus:latest", "is not pinned to a version"),
                broken(COMPOSE, "kafka-1:9092,kafka-2:9092,kafka-3:9092", "kafka-1:9092,kafka-2:9092,kafka-4:9092",
                        "bootstrap server kafka-4:9092 names no Kafka service"),
                broken(COMPOSE, "kafka-1:9092,kafka-2:9092,kafka-3:9092", "kafka-1:9093,kafka-2:9092,kafka-3:9092",
                        "bootstrap server kafka-1:9093 is no listener"),
                broken(COMPOSE, "http://schema-registry:8081", "http://schema-registry:8085",
                        "does not use the port it listens on (8081)"),
                broken(COMPOSE, "KAFKA_MIN_INSYNC_REPLICAS: 2", "KAFKA_MIN_INSYNC_REPLICAS: 1",
                        "kafka-1: KAFKA_MIN_INSYNC_REPLICAS must be 2"),
                broken(COMPOSE, "CHURNWATCH_REPLICATION_FACTOR: 3", "CHURNWATCH_REPLICATION_FACTOR: 1",
                        "serving-1: CHURNWATCH_REPLICATION_FACTOR must be 3"),
                broken(COMPOSE, "KAFKA_MIN_INSYNC_REPLICAS: 2", "KAFKA_MIN_INSYNC_REPLICA: 2",
                        "KAFKA_MIN_INSYNC_REPLICA is no Kafka setting"),
                broken(COMPOSE, "KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER", "KAFKA_CONTROLLER_LISTENER_NAMES: CTRL",
                        "kafka-1: the broker would refuse its configuration"),
                broken(COMPOSE, "SCHEMA_REGISTRY_KAFKASTORE_TOPIC: _schemas", "SCHEMA_REGISTRY_KAFKA_STORE_TOPIC: _schemas",
                        "SCHEMA_REGISTRY_KAFKA_STORE_TOPIC is not read by the schema registry"),
                broken(COMPOSE, "http://localhost:8080/health", "http://localhost:8080/healthz",
                        "serving-1: its healthcheck does not ask :8080/health"),
                broken(COMPOSE, "      serving-1:\n        condition: service_healthy",
                        "      serving-1:\n        condition: service_started",
                        "replay: starts without waiting for anything to be healthy"),
                broken(PROMETHEUS, "serving-2:8080", "serving-2:9090",
                        "target serving-2:9090 is not the port serving-2 listens on (8080)"),
                broken(PROMETHEUS, "metrics_path: /prometheus", "metrics_path: /metrics",
                        "but the nodes serve /prometheus"),
                broken(PROMETHEUS, "          - serving-2:8080\n", "", "prometheus: does not scrape serving-2"),
                broken(DOCKERFILE, "libgomp1 curl", "curl", "does not install libgomp1"),
                broken(DOCKERFILE, "CHURNWATCH_REPORT_DIR=", "CHURNWATCH_REPORTS_DIR=",
                        "sets CHURNWATCH_REPORTS_DIR, which the application does not read"),
                broken(DOCKERFILE, "FROM eclipse-temurin:17.0.13_11-jre", "FROM eclipse-temurin",
                        "Dockerfile FROM eclipse-temurin is not pinned"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("brokenCopies")
    void aBrokenCopyIsCaught(String file, String from, String to, String expectedProblem, @TempDir Path copy)
            throws IOException {
        for (String name : List.of(COMPOSE, PROMETHEUS, DOCKERFILE, ".dockerignore")) {
            Files.createDirectories(copy.resolve(name).getParent());
            Files.copy(ROOT.resolve(name), copy.resolve(name));
        }
        String original = Files.readString(copy.resolve(file));
        assertThat(original).as("the text to break is in " + file).contains(from);
        Files.writeString(copy.resolve(file), original.replace(from, to));

        List<String> problems = ComposeChecks.problems(copy.resolve(COMPOSE));

        assertThat(problems).as("problems found in the broken copy").anyMatch(problem -> problem.contains(expectedProblem));
    }

    private static Arguments broken(String file, String from, String to, String expectedProblem) {
        return Arguments.of(file, from, to, expectedProblem);
    }

    private static Path repositoryRoot() {
        // Surefire runs in the module's folder; the compose file lives one level up.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(COMPOSE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + COMPOSE + " above " + Path.of("").toAbsolutePath());
    }
}
