package io.churnwatch.serving.customers;

import java.util.List;
import java.util.Map;

import io.churnwatch.serving.avro.AvroMaps;
import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What the API tells about one customer: live features (as of the stream's "now"), and the latest score with
 * its reasons, segment and value once a model has scored the customer.
 */
@Schema(name = "Customer")
public record CustomerView(
        String customerId,
        @Schema(description = "Instant the features are computed as of (ISO-8601).") String asOf,
        @Schema(description = "CustomerFeatures, money in minor units.") Map<String, Object> features,
        @Schema(description = "Churn probability and its reasons; null until a model has scored the customer.")
        Churn churn,
        @Schema(description = "Segment name; null until scored.") String segment,
        @Schema(description = "Expected value over the model's horizon; null until scored.") Value value,
        @Schema(description = "Why parts are missing, when they are.") String note) {

    public record Churn(Double probability, Long modelVersion, String scoredAt, List<Map<String, Object>> reasons) {
    }

    public record Value(Double expectedPurchases, Long expectedValueMinor, Long valueAtRiskMinor) {
    }

    static CustomerView of(CustomerFeatures features, CustomerScore score, String unscoredNote) {
        Map<String, Object> featureMap = AvroMaps.toMap(features);
        String asOf = features.getAsOf().toString();
        if (score == null) {
            return new CustomerView(features.getCustomerId(), asOf, featureMap, null, null, null, unscoredNote);
        }
        List<Map<String, Object>> reasons = score.getReasons().stream().map(AvroMaps::toMap).toList();
        Churn churn = score.getChurnProbability() == null ? null
                : new Churn(score.getChurnProbability(), score.getModelVersion(), score.getScoredAt().toString(), reasons);
        Value value = score.getExpectedValueMinor() == null && score.getExpectedPurchases() == null ? null
                : new Value(score.getExpectedPurchases(), score.getExpectedValueMinor(), score.getValueAtRiskMinor());
        String note = churn == null ? "scored without a churn model (no model release yet)" : null;
        return new CustomerView(features.getCustomerId(), asOf, featureMap, churn,
                score.getSegment() == null ? null : score.getSegment(), value, note);
    }
}
