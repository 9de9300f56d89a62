package io.churnwatch.serving.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.churnwatch.serving.avro.AvroMaps;
import io.churnwatch.schemas.ContenderMetrics;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The promoted release as people read it: what it was trained on, how it did on the holdout cutoff against the
 * baselines every model must beat, and the alert threshold. Model bytes stay out.
 */
@Schema(name = "Model")
public record ModelView(
        long version, String createdAt, String trainingWindowStart, String trainingWindowEnd, String testCutoff,
        int horizonDays, List<String> featureNames, String churnModelFormat,
        @Schema(description = "Holdout metrics of every contender, the model's first.") List<Map<String, Object>> metrics,
        @Schema(description = "The model's holdout metrics minus each baseline's.") List<Comparison> againstBaselines,
        double threshold, String thresholdRule, boolean promoted, String promotionNote, List<String> segments,
        Map<String, Object> valueModel) {

    /** How much better (positive) the model did than one baseline on the same holdout. */
    public record Comparison(String baseline, double rocAucGain, double prAucGain, double liftTop10Gain) {
    }

    static ModelView of(ModelRelease release) {
        String modelContender = modelContender(release);
        ContenderMetrics model = release.getMetrics().stream()
                .filter(m -> m.getContender().equals(modelContender)).findFirst().orElse(null);
        List<Map<String, Object>> metrics = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        if (model != null) {
            metrics.add(AvroMaps.toMap(model));
        }
        for (ContenderMetrics other : release.getMetrics()) {
            if (other == model) {
                continue;
            }
            metrics.add(AvroMaps.toMap(other));
            if (model != null) {
                comparisons.add(new Comparison(other.getContender(), model.getRocAuc() - other.getRocAuc(),
                        model.getPrAuc() - other.getPrAuc(), model.getLiftTop10() - other.getLiftTop10()));
            }
        }
        return new ModelView(release.getVersion(), release.getCreatedAt().toString(),
                release.getTrainingWindowStart().toString(), release.getTrainingWindowEnd().toString(),
                release.getTestCutoff().toString(), release.getHorizonDays(), List.copyOf(release.getFeatureNames()),
                release.getChurnModelFormat(), metrics, comparisons, release.getThreshold(),
                release.getThresholdRule(), release.getPromoted(), release.getPromotionNote(),
                release.getSegments().stream().map(SegmentCentroid::getName).toList(),
                AvroMaps.toMap(release.getValueModel()));
    }

    /** The contender that is the released model: named by the format ("xgboost-ubj" → "xgboost"). */
    static String modelContender(ModelRelease release) {
        String format = release.getChurnModelFormat();
        int dash = format.indexOf('-');
        return dash < 0 ? format : format.substring(0, dash);
    }
}
