package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.churnwatch.schemas.ChurnAlert;
import io.churnwatch.serving.streams.StreamsNode;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.release.ReleasePublisher;

/**
 * A running node swaps releases without a restart: a new release published to the {@code models} topic scores
 * the customer's next update (and alerts by its threshold), re-scores customers who do not buy at all (the
 * features refresh), the HTTP API reports it, and an operator's rollback through the admin endpoint brings the
 * previous release back, all on the same Kafka Streams instance.
 */
class ReleaseSwapTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String TOKEN = "swap-token";
    private static final String CUSTOMER = "swap-customer";
    private static final String QUIET = "quiet-customer";

    @Test
    void aNewReleaseScoresTheNextUpdateAndARollbackRestoresThePreviousOne() {
        String registry = "mock://swap-" + UUID.randomUUID();
        try (ReleasePublisher publisher = new ReleasePublisher(KAFKA.bootstrapServers(), registry, (short) 1)) {
            // Published before the node starts: its global store restores release 1 before the first order.
            publisher.publish(TestRelease.build(1));
            try (NodeHarness node = NodeHarness.start(Map.of(
                    "churnwatch.bootstrap-servers", KAFKA.bootstrapServers(),
                    "churnwatch.schema-registry-url", registry,
                    "churnwatch.application-id", "serving-swap-" + UUID.randomUUID(),
                    "churnwatch.admin-token", TOKEN))) {
                swapAndRollBack(publisher, node, registry);
            }
        }
    }

    private static void swapAndRollBack(ReleasePublisher publisher, NodeHarness node, String registry) {
        await().atMost(Duration.ofSeconds(120)).until(() -> node.get("/health").status() == 200
                && node.get("/models/current").json().at("/model/version").asLong() == 1);
        KafkaStreams instance = node.bean(StreamsNode.class).running();

        Orders.send(KAFKA.cluster(), registry, List.of(
                Orders.purchase("quiet-1", QUIET, "2011-02-27T10:00:00Z", 1, 900)));
        buy(registry, "swap-1", "2011-03-01T10:00:00Z");
        double underFirst = awaitScoredBy(node, CUSTOMER, 1, 1);
        double quietUnderFirst = awaitScoredBy(node, QUIET, 1, 1);
        assertThat(underFirst).as("a customer who bought today, under release 1").isLessThan(0.5);

        // Release 2 learned that customers churn soon after buying: the same customer now looks lost.
        publisher.publish(TestRelease.build(2, 0.5, -60));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                node.get("/models/current").json().at("/model/version").asLong() == 2);
        NodeHarness.Response adHoc = node.post("/score", SingleNodeTest.validFeatures());
        assertThat(adHoc.json().get("modelVersion").asLong()).as(adHoc.toString()).isEqualTo(2);

        // The quiet customer sends nothing more, yet the refresh moves their stored score to release 2.
        double quietUnderSecond = awaitScoredBy(node, QUIET, 2, 1);
        assertThat(quietUnderSecond).isGreaterThan(quietUnderFirst + 0.3);

        buy(registry, "swap-2", "2011-03-02T10:00:00Z");
        double underSecond = awaitScoredBy(node, CUSTOMER, 2, 2);
        assertThat(underSecond).isGreaterThanOrEqualTo(0.5).isGreaterThan(underFirst + 0.3);
        List<ChurnAlert> alerts = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> CommittedAlerts.readAll(KAFKA.cluster(), registry), list -> list.size() >= 2);
        assertThat(alerts).as("one alert per customer, both by release 2")
                .extracting(ChurnAlert::getAlertId, ChurnAlert::getModelVersion)
                .containsExactlyInAnyOrder(Tuple.tuple(CUSTOMER + ":1", 2L),
                        Tuple.tuple(QUIET + ":1", 2L));

        NodeHarness.Response rollback = node.post("/admin/models/1/promote?reason=rollback", "",
                "Authorization", "Bearer " + TOKEN);
        assertThat(rollback.status()).as(rollback.toString()).isEqualTo(202);
        assertThat(rollback.json().get("replaced").asLong()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                node.get("/models/current").json().at("/model/version").asLong() == 1);
        buy(registry, "swap-3", "2011-03-03T10:00:00Z");
        double afterRollback = awaitScoredBy(node, CUSTOMER, 1, 3);
        assertThat(afterRollback).isLessThan(0.5);

        assertThat(node.bean(StreamsNode.class).running()).as("the same Kafka Streams instance throughout")
                .isSameAs(instance);
    }

    private static void buy(String registry, String orderId, String at) {
        Orders.send(KAFKA.cluster(), registry, List.of(Orders.purchase(orderId, CUSTOMER, at, 2, 1500)));
    }

    /** Waits until the customer's stored score is by {@code version} after {@code orders} orders; its probability. */
    private static double awaitScoredBy(NodeHarness node, String customer, long version, int orders) {
        NodeHarness.Response answer = await().atMost(Duration.ofSeconds(60)).until(
                () -> node.get("/customers/" + customer),
                response -> response.status() == 200 && response.json().at("/features/orders").asInt() == orders
                        && response.json().at("/churn/modelVersion").asLong() == version);
        return answer.json().at("/churn/probability").asDouble();
    }
}
