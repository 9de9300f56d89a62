package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.churnwatch.schemas.OrderEvent;
import io.churnwatch.serving.query.StoreNames;
import io.churnwatch.serving.streams.StreamsNode;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.release.ReleasePublisher;

/**
 * Two instances of one application (same application.id, own ports and state) on one broker, with a real model
 * release: any customer is answered by either instance (forwarded to the one that hosts it), and the at-risk
 * ranking and segment counts gathered from both equal the union of what each holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String TOKEN = "two-nodes-token";
    private static final int CUSTOMERS = 16;

    private final String registry = "mock://two-nodes-" + UUID.randomUUID();
    private NodeHarness a;
    private NodeHarness b;

    @BeforeAll
    void startTwoNodesWithAReleaseAndSendOrders() {
        // The release is on the models topic before the nodes start: their global store restores it first.
        try (ReleasePublisher publisher = new ReleasePublisher(KAFKA.bootstrapServers(), registry, (short) 1)) {
            publisher.publish(TestRelease.build(1));
        }
        String applicationId = "serving-two-" + UUID.randomUUID();
        Map<String, Object> shared = Map.of(
                "churnwatch.bootstrap-servers", KAFKA.bootstrapServers(),
                "churnwatch.schema-registry-url", registry,
                "churnwatch.application-id", applicationId,
                "churnwatch.admin-token", TOKEN);
        a = NodeHarness.start(shared);
        b = NodeHarness.start(shared);
        await().atMost(Duration.ofSeconds(120)).until(() -> bothRunWithPartitions(a) && bothRunWithPartitions(b));

        List<OrderEvent> orders = new ArrayList<>();
        Instant start = Instant.parse("2011-01-03T10:00:00Z");
        for (int i = 0; i < CUSTOMERS; i++) {
            String customer = "cust-" + i;
            orders.add(Orders.purchase("first-" + i, customer, start.plus(Duration.ofDays(i * 5L)).toString(),
                    1 + i, 1000 + 100L * i));
            orders.add(Orders.purchase("second-" + i, customer, start.plus(Duration.ofDays(i * 15L)).toString(),
                    2, 2500));
        }
        Orders.send(KAFKA.cluster(), registry, orders);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            for (int i = 0; i < CUSTOMERS; i++) {
                NodeHarness.Response answer = a.get("/customers/cust-" + i);
                if (answer.status() != 200 || answer.json().get("churn").isNull()
                        || answer.json().at("/features/orders").asInt() != 2) {
                    return false;
                }
            }
            return true;
        });
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void eitherInstanceAnswersEveryCustomerForwardingToTheOwner() {
        Map<String, Integer> servedBy = new HashMap<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            NodeHarness.Response viaA = a.get("/customers/cust-" + i);
            NodeHarness.Response viaB = b.get("/customers/cust-" + i);
            assertThat(viaA.status()).as(viaA.toString()).isEqualTo(200);
            assertThat(viaB.status()).as(viaB.toString()).isEqualTo(200);
            assertThat(viaA.json().get("features")).isEqualTo(viaB.json().get("features"));
            assertThat(viaA.json().get("churn")).isEqualTo(viaB.json().get("churn"));
            assertThat(viaA.header("X-Churnwatch-Served-By")).isEqualTo(viaB.header("X-Churnwatch-Served-By"));
            servedBy.merge(viaA.header("X-Churnwatch-Served-By"), 1, Integer::sum);

            JsonNode churn = viaA.json().get("churn");
            assertThat(churn.get("probability").asDouble()).isBetween(0.0, 1.0);
            assertThat(churn.get("modelVersion").asLong()).isEqualTo(1);
            assertThat(churn.get("reasons")).isNotEmpty();
            assertThat(viaA.json().get("segment").asText()).isIn("Champions", "Lost");
            assertThat(viaA.json().at("/value/valueAtRiskMinor").isIntegralNumber()).isTrue();
        }
        // Both instances own customers, so both forwarded and both answered for the other.
        assertThat(servedBy).containsOnlyKeys(a.address(), b.address());

        NodeHarness.Response unknown = b.get("/customers/nobody");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("unknown customer");
    }

    @Test
    void aForwardedRequestForAKeyThisInstanceDoesNotOwnIsNotForwardedAgain() {
        String owner = a.get("/customers/cust-0").header("X-Churnwatch-Served-By");
        NodeHarness other = owner.equals(a.address()) ? b : a;
        NodeHarness.Response looped = other.getWithHeader("/customers/cust-0", "X-Churnwatch-Forwarded-By", "x:1");
        assertThat(looped.status()).isEqualTo(503);
        assertThat(looped.header("Retry-After")).isNotBlank();
    }

    @Test
    void theAtRiskRankingFromEitherInstanceIsTheMergedUnionOfBoth() {
        NodeHarness.Response fromA = a.get("/customers/at-risk?limit=1000");
        NodeHarness.Response fromB = b.get("/customers/at-risk?limit=1000");
        assertThat(fromA.status()).as(fromA.toString()).isEqualTo(200);
        assertThat(fromA.json().get("customers")).isEqualTo(fromB.json().get("customers"));
        assertThat(fromA.json().get("instances").asInt()).isEqualTo(2);

        List<String> ranked = fromA.json().get("customers").findValuesAsText("customerId");
        Set<String> localA = new HashSet<>(a.get("/internal/customers/at-risk?limit=1000").json().findValuesAsText("customerId"));
        Set<String> localB = new HashSet<>(b.get("/internal/customers/at-risk?limit=1000").json().findValuesAsText("customerId"));
        assertThat(localA).isNotEmpty().doesNotContainAnyElementsOf(localB);
        assertThat(localB).isNotEmpty();
        Set<String> union = new HashSet<>(localA);
        union.addAll(localB);
        assertThat(new HashSet<>(ranked)).isEqualTo(union).hasSize(CUSTOMERS);

        List<Long> values = new ArrayList<>();
        fromA.json().get("customers").forEach(entry -> values.add(entry.get("valueAtRiskMinor").asLong()));
        assertThat(values).isSortedAccordingTo((x, y) -> Long.compare(y, x));

        NodeHarness.Response top3 = b.get("/customers/at-risk?limit=3");
        assertThat(top3.json().get("customers").findValuesAsText("customerId")).isEqualTo(ranked.subList(0, 3));

        NodeHarness.Response lost = a.get("/customers/at-risk?limit=1000&segment=lost");
        lost.json().get("customers").forEach(entry -> assertThat(entry.get("segment").asText()).isEqualTo("Lost"));
    }

    @Test
    void segmentsModelAndAdHocScoringComeFromTheRelease() {
        NodeHarness.Response segments = b.get("/segments");
        assertThat(segments.status()).as(segments.toString()).isEqualTo(200);
        assertThat(segments.json().get("modelVersion").asLong()).isEqualTo(1);
        assertThat(segments.json().get("scoredCustomers").asLong()).isEqualTo(CUSTOMERS);
        long counted = 0;
        for (JsonNode segment : segments.json().get("segments")) {
            counted += segment.get("customers").asLong();
        }
        assertThat(counted).isEqualTo(CUSTOMERS);
        assertThat(segments.json().get("segments").findValuesAsText("name")).contains("Champions", "Lost");
        assertThat(segments.json().at("/segments/0/profile/typical/recency_days").asDouble()).isPositive();

        NodeHarness.Response model = a.get("/models/current");
        assertThat(model.json().at("/model/version").asLong()).isEqualTo(1);
        assertThat(model.json().at("/model/againstBaselines/0/baseline").asText()).isEqualTo("recency-rule");
        assertThat(model.json().at("/model/againstBaselines/0/rocAucGain").asDouble())
                .isCloseTo(0.04, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(model.json().get("alerts").asText()).contains("0.5");

        NodeHarness.Response scored = a.post("/score", SingleNodeTest.validFeatures());
        assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
        assertThat(scored.json().get("churnProbability").asDouble()).isBetween(0.0, 1.0);
        assertThat(scored.json().get("reasons")).isNotEmpty();
        assertThat(scored.json().get("segment").asText()).isIn("Champions", "Lost");
        assertThat(scored.json().get("modelVersion").asLong()).isEqualTo(1);

        NodeHarness.Response promote = a.post("/admin/models/1/promote", "", "Authorization", "Bearer " + TOKEN);
        assertThat(promote.status()).as(promote.toString()).isEqualTo(200);
        assertThat(promote.json().get("alreadyCurrent").asBoolean()).isTrue();
    }

    private static boolean bothRunWithPartitions(NodeHarness node) {
        if (node.get("/health").status() != 200) {
            return false;
        }
        KafkaStreams streams = node.bean(StreamsNode.class).running();
        List<StreamsMetadata> clients = new ArrayList<>(streams.metadataForAllStreamsClients());
        return clients.size() == 2
                && clients.stream().allMatch(client -> client.stateStoreNames().contains(StoreNames.CUSTOMER_STATE));
    }
}
