package io.churnwatch.serving.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.CustomerFeatures;

class FeatureVectorReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2011-12-01T00:00:00Z");

    @Test
    void aCompleteVectorBecomesCustomerFeaturesWithAnAdHocIdAndTheCurrentTime() throws Exception {
        FeatureVectorReader.Result result = FeatureVectorReader.read(minimal(), NOW);
        assertThat(result.problems()).isEmpty();
        CustomerFeatures features = result.features();
        assertThat(features.getCustomerId()).isEqualTo("ad-hoc");
        assertThat(features.getAsOf()).isEqualTo(NOW);
        assertThat(features.getOrders()).isEqualTo(4);
        assertThat(features.getRecencyDays()).isEqualTo(33.5);
        assertThat(features.getInterPurchaseDaysStd()).isNull();
        assertThat(features.getCurrency()).isEqualTo("GBP");
        assertThat(features.getLastPurchaseTime()).isEqualTo(Instant.ofEpochMilli(1_300_000_000_000L));
    }

    @Test
    void everyBadFieldIsReportedAtOnce() throws Exception {
        ObjectNode body = minimal();
        body.put("orders", "four");
        body.put("grossRevenueMinor", -5);
        body.put("revenueTrend90d", 1.5);
        body.put("asOf", "yesterday");
        body.put("ordrs", 3);
        body.remove("itemsPerOrder");
        FeatureVectorReader.Result result = FeatureVectorReader.read(body, NOW);
        assertThat(result.valid()).isFalse();
        assertThat(result.features()).isNull();
        Map<String, String> problems = new java.util.HashMap<>();
        result.problems().forEach(problem -> problems.put(problem.get("field"), problem.get("message")));
        assertThat(problems).containsEntry("orders", "must be an integer")
                .containsEntry("grossRevenueMinor", "must not be negative")
                .containsEntry("revenueTrend90d", "must lie in [-1, 1]")
                .containsEntry("ordrs", "unknown field")
                .containsEntry("itemsPerOrder", "is required")
                .containsKey("asOf")
                .hasSize(6);
    }

    @Test
    void anythingButAnObjectIsRefused() throws Exception {
        FeatureVectorReader.Result result = FeatureVectorReader.read(JSON.readTree("[1, 2]"), NOW);
        assertThat(result.problems()).extracting(problem -> problem.get("field")).isEqualTo(List.of("(body)"));
    }

    /** Every required field, plus a nullable one and an instant in epoch milliseconds. */
    private static ObjectNode minimal() throws Exception {
        JsonNode node = JSON.readTree("""
                {"orders": 4, "returnOrders": 1, "grossRevenueMinor": 40000, "returnedValueMinor": 1000,
                 "returnRateOrders": 0.2, "returnRateValue": 0.025, "avgOrderValueMinor": 10000, "itemsPerOrder": 2.5,
                 "revenue30dMinor": 0, "revenue90dMinor": 10000, "revenue180dMinor": 20000, "revenue365dMinor": 40000,
                 "orders30d": 0, "orders90d": 1, "orders180d": 2, "orders365d": 4, "revenuePrev90dMinor": 10000,
                 "ordersPrev90d": 1, "revenueTrend90d": 0.0, "distinctProducts": 7, "recencyDays": 33.5,
                 "lastPurchaseTime": 1300000000000}
                """);
        return (ObjectNode) node;
    }
}
