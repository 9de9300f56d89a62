package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.churnwatch.registry.EmbeddedSchemaRegistry;
import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.schemas.Topics;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.treatment.HoldoutAssignment;
import io.churnwatch.streams.ChurnwatchTopology;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.release.ReleasePublisher;

/**
 * Exactly one alert per episode although the node is killed (SIGKILL, its own JVM) twice while orders keep
 * arriving: once restarting on the same state directory, once on a wiped one, so that every store is restored
 * from its changelog. What a CRM reading {@code churn-alerts} with {@code read_committed} sees must be exactly
 * the alerts the scenario implies ({@link LapseScenario}): each alert id once, every lapsing customer once,
 * every returning customer once per episode, no active customer.
 *
 * <p>The assertions are exact, so a duplicate fails the test. Run it with
 * {@code -Dchurnwatch.test.processing-guarantee=at_least_once} to see what exactly-once prevents: a crash between
 * an alert's send and the next commit (every 30 s under at-least-once) replays the records behind it, and the
 * test fails (one such run: 7 returning customers' first alert twice).
 */
class AlertsAcrossCrashesTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Logger LOG = LoggerFactory.getLogger(AlertsAcrossCrashesTest.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path work;

    /** The node running now; closed after the test whatever happened. */
    private NodeProcess node;

    @AfterEach
    void stopTheNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyEpisodeAlertsExactlyOnceThoughTheNodeIsKilledMidStreamAndRestoredFromAWipedStateDir() throws IOException {
        LapseScenario scenario = LapseScenario.of("crash", 600, 100, 40, 500);
        String applicationId = "serving-crash-" + UUID.randomUUID();
        String guarantee = System.getProperty("churnwatch.test.processing-guarantee", "exactly_once_v2");
        Path stateDir = work.resolve("state");
        // Under target/, not the temporary directory: when the test fails, the node's own log tells why.
        Path log = Path.of("target", "AlertsAcrossCrashesTest-node.log").toAbsolutePath();
        Files.deleteIfExists(log);

        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(KAFKA.bootstrapServers(), 0)) {
            try (ReleasePublisher publisher = new ReleasePublisher(KAFKA.bootstrapServers(), registry.url(),
                    (short) 1)) {
                publisher.publish(TestRelease.build(1));
            }
            Map<String, String> env = new HashMap<>(Map.of(
                    "CHURNWATCH_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                    "CHURNWATCH_SCHEMA_REGISTRY_URL", registry.url(),
                    "CHURNWATCH_APPLICATION_ID", applicationId,
                    "CHURNWATCH_STATE_DIR", stateDir.toString(),
                    "CHURNWATCH_PROCESSING_GUARANTEE", guarantee,
                    "CHURNWATCH_REORDER_GRACE", "0",
                    "CHURNWATCH_TOPIC_PARTITIONS", "4",
                    // Monthly snapshots are not what this test is about; they would only slow it down.
                    "CHURNWATCH_SNAPSHOT_CUTOFFS", "every-3650-days",
                    "CHURNWATCH_LABEL_HORIZON_DAYS", "0"));

            node = startHealthy(env, log);
            // About 50 orders a second: slow enough that orders are still arriving when the first alerts are
            // committed and the node is killed, so the restarted node resumes in the middle of the input.
            try (OrderFeed feed = OrderFeed.start(KAFKA.cluster(), registry.url(), scenario.orders(), 25,
                    Duration.ofMillis(500))) {
                int firstAlerts = awaitCommittedAlertsAbove(registry.url(), 0);
                LOG.info("Killing the node: {} alerts committed, {} of {} orders sent", firstAlerts, feed.sent(),
                        scenario.orders().size());
                node.kill();
                forgetCrashedMembers(applicationId);
                node = startHealthy(env, log);

                int secondAlerts = awaitCommittedAlertsAbove(registry.url(), firstAlerts);
                LOG.info("Killing the node again and wiping its state: {} alerts committed, {} orders sent",
                        secondAlerts, feed.sent());
                node.kill();
                forgetCrashedMembers(applicationId);
                deleteRecursively(stateDir);
                node = startHealthy(env, log);

                feed.awaitFinished(Duration.ofMinutes(3));
            }
            String repartition = applicationId + "-" + ChurnwatchTopology.REPARTITION_NAME + "-repartition";
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    CommittedAlerts.consumedToEnd(KAFKA.cluster().admin(), applicationId, Topics.ORDERS, repartition));
            List<ChurnAlert> alerts = CommittedAlerts.readAll(KAFKA.cluster(), registry.url());
            node.close();

            Map<String, Long> perId = alerts.stream()
                    .collect(Collectors.groupingBy(a -> a.getAlertId().toString(), Collectors.counting()));
            assertThat(perId).as("alert ids seen more than once").allSatisfy((id, count) -> assertThat(count)
                    .as(id).isEqualTo(1L));
            assertThat(perId.keySet()).as("alert ids").containsExactlyInAnyOrderElementsOf(scenario.expectedAlertIds());
            assertThat(alerts).hasSize(scenario.expectedAlertIds().size());

            ScoringSettings scoring = ScoringSettings.defaults();
            HoldoutAssignment holdout = new HoldoutAssignment(scoring.holdoutShare(), scoring.holdoutSalt());
            assertThat(alerts).allSatisfy(alert -> {
                assertThat(alert.getAlertId()).startsWith(alert.getCustomerId() + ":");
                assertThat(alert.getProbability()).isGreaterThanOrEqualTo(alert.getThreshold());
                assertThat(alert.getModelVersion()).isEqualTo(1L);
                assertThat(alert.getTreatment()).isEqualTo(holdout.groupOf(alert.getCustomerId()));
            });
            Map<String, List<ChurnAlert>> perCustomer = alerts.stream()
                    .collect(Collectors.groupingBy(ChurnAlert::getCustomerId));
            assertThat(perCustomer.keySet()).containsExactlyInAnyOrderElementsOf(scenario.alertedCustomers())
                    .doesNotContainAnyElementsOf(scenario.activeCustomers());
            // A second episode starts only after the first, in event time.
            perCustomer.values().stream().filter(list -> list.size() == 2).forEach(list -> {
                Map<String, ChurnAlert> byId = list.stream().collect(Collectors.toMap(a -> a.getAlertId().toString(),
                        Function.identity()));
                String customer = list.get(0).getCustomerId();
                assertThat(byId.get(customer + ":2").getEventTime()).isAfter(byId.get(customer + ":1").getEventTime());
            });
        }
    }

    private static NodeProcess startHealthy(Map<String, String> env, Path log) {
        NodeProcess started = NodeProcess.start(env, log);
        try {
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(started::healthy);
        } catch (RuntimeException | AssertionError e) {
            started.close();
            throw e;
        }
        return started;
    }

    private static int awaitCommittedAlertsAbove(String registryUrl, int count) {
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> CommittedAlerts.readAll(KAFKA.cluster(), registryUrl).size(), seen -> seen > count);
    }

    /**
     * A killed member stays in the group until its session times out (45 s), and the restarted node's first
     * rebalance waits for it. Removing it, as an operator would after a crash, keeps the test short; it changes
     * nothing about what was committed.
     */
    private static void forgetCrashedMembers(String applicationId) {
        try {
            KAFKA.cluster().admin().removeMembersFromConsumerGroup(applicationId,
                    new RemoveMembersFromConsumerGroupOptions()).all().get();
        } catch (ExecutionException e) {
            LOG.info("No member to remove from {}: {}", applicationId, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(dir).doesNotExist();
    }
}
