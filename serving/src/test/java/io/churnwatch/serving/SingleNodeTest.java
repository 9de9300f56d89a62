package io.churnwatch.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.churnwatch.schemas.Topics;
import io.churnwatch.serving.streams.RegistryUrl;
import io.churnwatch.testing.KafkaClusterExtension;
import io.churnwatch.trainer.kafka.RetrainRequests;

/**
 * One node in one-machine mode (embedded schema registry) on a real broker, before any model release: customers
 * are answered with their features, and every wrong request gets a JSON error with the right status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleNodeTest {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String TOKEN = "s3cret-token";
    private static final double DAY_MS = 86_400_000.0;

    private NodeHarness node;

    @BeforeAll
    void startNodeAndSendOrders() {
        node = NodeHarness.start(Map.of(
                "churnwatch.bootstrap-servers", KAFKA.bootstrapServers(),
                "churnwatch.application-id", "serving-single-" + UUID.randomUUID(),
                "churnwatch.embedded-registry", "true",
                "churnwatch.registry-port", "0",
                "churnwatch.admin-token", TOKEN));
        await().atMost(Duration.ofSeconds(90)).until(() -> node.get("/health").status() == 200);
        Orders.send(KAFKA.cluster(), node.bean(RegistryUrl.class).url(), List.of(
                Orders.purchase("o1", "c1", "2011-08-01T10:00:00Z", 2, 500),
                Orders.purchase("o2", "c2", "2011-08-10T10:00:00Z", 1, 700),
                Orders.purchase("o3", "c1", "2011-08-20T10:00:00Z", 1, 300)));
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aCustomerIsAnsweredWithLiveFeaturesAndNoScoreBeforeTheFirstRelease() {
        NodeHarness.Response answer = await().atMost(Duration.ofSeconds(60)).until(() -> node.get("/customers/c1"),
                response -> response.status() == 200 && response.json().at("/features/orders").asInt() == 2);
        JsonNode customer = answer.json();
        assertThat(customer.get("customerId").asText()).isEqualTo("c1");
        assertThat(customer.at("/features/grossRevenueMinor").asLong()).isEqualTo(1300);
        Instant asOf = Instant.parse(customer.get("asOf").asText());
        Instant last = Instant.parse(customer.at("/features/lastPurchaseTime").asText());
        assertThat(asOf).isAfterOrEqualTo(last);
        assertThat(customer.at("/features/recencyDays").asDouble())
                .isCloseTo((asOf.toEpochMilli() - last.toEpochMilli()) / DAY_MS, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(customer.get("churn").isNull()).isTrue();
        assertThat(customer.get("note").asText()).isNotBlank();
        assertThat(answer.header("X-Churnwatch-Served-By")).isEqualTo(node.address());
    }

    @Test
    void unknownCustomersAndRoutesAre404WithAJsonBody() {
        NodeHarness.Response unknown = node.get("/customers/nobody-" + UUID.randomUUID());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).contains("unknown customer");
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);

        NodeHarness.Response route = node.get("/no/such/thing");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("status").asInt()).isEqualTo(404);
    }

    @Test
    void badParametersAndBodiesAre4xxWithJsonBodiesNamingTheProblem() {
        NodeHarness.Response zero = node.get("/customers/at-risk?limit=0");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("status").asInt()).isEqualTo(400);
        assertThat(zero.json().get("error").asText()).contains("limit");

        NodeHarness.Response tooMany = node.get("/customers/at-risk?limit=1001");
        assertThat(tooMany.status()).isEqualTo(400);

        NodeHarness.Response notANumber = node.get("/customers/at-risk?limit=lots");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("error").asText()).contains("limit");

        NodeHarness.Response malformed = node.post("/score", "{\"orders\": 3,");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).contains("JSON");

        NodeHarness.Response wrongTypes = node.post("/score",
                "{\"orders\": \"many\", \"recencyDays\": -3, \"favouriteColour\": \"red\"}");
        assertThat(wrongTypes.status()).isEqualTo(422);
        List<String> fields = wrongTypes.json().get("problems").findValuesAsText("field");
        assertThat(fields).contains("orders", "recencyDays", "favouriteColour", "grossRevenueMinor");

        NodeHarness.Response valid = node.post("/score", validFeatures());
        assertThat(valid.status()).isEqualTo(503);
        assertThat(valid.header("Retry-After")).isNotBlank();
        assertThat(valid.json().get("error").asText()).contains("no model yet");
    }

    @Test
    void theModelEndpointsAnswerBeforeTheFirstRelease() {
        NodeHarness.Response model = node.get("/models/current");
        assertThat(model.status()).isEqualTo(200);
        assertThat(model.json().has("model")).isTrue();
        assertThat(model.json().get("model").isNull()).isTrue();
        assertThat(model.json().get("alerts").asText()).contains("disabled");

        NodeHarness.Response atRisk = node.get("/customers/at-risk?limit=5");
        assertThat(atRisk.status()).isEqualTo(200);
        assertThat(atRisk.json().get("customers")).isEmpty();

        assertThat(node.get("/segments").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsNeedTheBearerToken() {
        NodeHarness.Response none = node.post("/admin/models/1/promote", "");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.json().get("status").asInt()).isEqualTo(401);

        NodeHarness.Response wrong = node.post("/admin/models/1/promote", "", "Authorization", "Bearer guess");
        assertThat(wrong.status()).isEqualTo(401);

        NodeHarness.Response right = node.post("/admin/models/1/promote", "", "Authorization", "Bearer " + TOKEN);
        assertThat(right.status()).as(right.toString()).isEqualTo(404);
        assertThat(right.json().get("error").asText()).contains("no release v1");
    }

    @Test
    void aRetrainRequestNeedsTheTokenAndReachesTheTrainersTopic() {
        assertThat(node.post("/admin/models/retrain", "").status()).isEqualTo(401);
        String tooLong = "x".repeat(501);
        NodeHarness.Response rejected = node.post("/admin/models/retrain?reason=" + tooLong, "",
                "Authorization", "Bearer " + TOKEN);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);

        NodeHarness.Response accepted = node.post("/admin/models/retrain?reason=new%20catalogue", "",
                "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("reason").asText()).isEqualTo("new catalogue");

        try (KafkaConsumer<String, String> settings = new KafkaConsumer<>(
                KAFKA.cluster().consumerProps("retrain-reader-" + UUID.randomUUID()), new StringDeserializer(),
                new StringDeserializer())) {
            settings.subscribe(List.of(Topics.SETTINGS));
            List<String> requests = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                settings.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (RetrainRequests.KEY.equals(record.key())) {
                        requests.add(record.value());
                    }
                });
                return !requests.isEmpty();
            });
            assertThat(requests).containsExactly("new catalogue");
        }
    }

    @Test
    void theHoldoutShareIsChangedThroughTheAdminApiAndReadBackFromTheSettingsStore() {
        String auth = "Bearer " + TOKEN;
        assertThat(node.put("/admin/holdout-share", "{\"share\": 0.25}").status()).isEqualTo(401);
        assertThat(node.get("/admin/holdout-share").status()).isEqualTo(401);

        NodeHarness.Response configured = node.getWithHeader("/admin/holdout-share", "Authorization", auth);
        assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
        assertThat(configured.json().get("share").asDouble()).isEqualTo(0.1);
        assertThat(configured.json().get("source").asText()).isEqualTo("configured");

        for (String bad : List.of("", "{}", "{\"share\": null}", "{\"share\": \"NaN\"}", "{\"share\": NaN}",
                "{\"share\": 1.5}", "{\"share\": -0.01}", "{\"share\": 1e400}", "[0.2]", "share=0.2")) {
            NodeHarness.Response rejected = node.put("/admin/holdout-share", bad, "Authorization", auth);
            assertThat(rejected.status()).as("%s -> %s", bad, rejected).isEqualTo(400);
            assertThat(rejected.json().get("status").asInt()).isEqualTo(400);
            assertThat(rejected.json().get("error").asText()).contains("share");
        }

        NodeHarness.Response accepted = node.put("/admin/holdout-share", "{\"share\": 0.25}", "Authorization", auth);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.json().get("share").asDouble()).isEqualTo(0.25);
        assertThat(accepted.json().get("previous").asDouble()).isEqualTo(0.1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = node.getWithHeader("/admin/holdout-share", "Authorization", auth).json();
            assertThat(now.get("share").asDouble()).isEqualTo(0.25);
            assertThat(now.get("source").asText()).isEqualTo("operator");
            assertThat(now.get("configured").asDouble()).isEqualTo(0.1);
        });
    }

    @Test
    void metricsApiDocsAndTheRegistryApiAreServed() {
        NodeHarness.Response metrics = node.get("/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("kafka_stream");

        NodeHarness.Response spec = node.get("/swagger/churnwatch-0.1.yml");
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/customers/{id}", "/customers/at-risk", "/score");
        assertThat(node.get("/swagger-ui/index.html").status()).isEqualTo(200);

        NodeHarness.Response subjects = await().atMost(Duration.ofSeconds(30)).until(() -> node.get("/subjects"),
                response -> response.status() == 200 && response.body().contains("orders-value"));
        assertThat(subjects.header("Content-Type")).contains("schemaregistry");
        NodeHarness.Response missing = node.get("/subjects/no-such-subject/versions");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error_code").asInt()).isEqualTo(40401);
    }

    static String validFeatures() {
        return """
                {"customerId": "what-if", "asOf": "2011-09-01T00:00:00Z", "orders": 5, "returnOrders": 0,
                 "grossRevenueMinor": 50000, "returnedValueMinor": 0, "returnRateOrders": 0.0, "returnRateValue": 0.0,
                 "avgOrderValueMinor": 10000, "itemsPerOrder": 3.0, "recencyDays": 120.0, "tenureDays": 300.0,
                 "firstPurchaseTime": "2010-11-05T00:00:00Z", "lastPurchaseTime": "2011-05-04T00:00:00Z",
                 "interPurchaseDaysMean": 45.0, "interPurchaseDaysStd": 10.0,
                 "revenue30dMinor": 0, "revenue90dMinor": 0, "revenue180dMinor": 10000, "revenue365dMinor": 50000,
                 "orders30d": 0, "orders90d": 0, "orders180d": 1, "orders365d": 5,
                 "revenuePrev90dMinor": 10000, "ordersPrev90d": 1, "revenueTrend90d": -1.0,
                 "distinctProducts": 12, "country": "United Kingdom", "currency": "GBP"}
                """;
    }
}
