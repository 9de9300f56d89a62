package io.churnwatch.serving.customers;

import java.util.Comparator;

import io.churnwatch.schemas.CustomerScore;
import io.swagger.v3.oas.annotations.media.Schema;

/** One customer of the at-risk ranking: value at risk = churn probability × expected value. */
@Schema(name = "AtRiskCustomer")
public record AtRiskEntry(String customerId, double churnProbability, String segment, long expectedValueMinor,
                          long valueAtRiskMinor, Long modelVersion, String scoredAt) {

    /** Most value at risk first; ties by customer id, so every instance and the merge agree on the order. */
    public static final Comparator<AtRiskEntry> RANKING = Comparator
            .comparingLong(AtRiskEntry::valueAtRiskMinor).reversed()
            .thenComparing(AtRiskEntry::customerId);

    /** The entry of a score, or null when the score has no value at risk (no model yet). */
    static AtRiskEntry of(String customerId, CustomerScore score) {
        if (score == null || score.getValueAtRiskMinor() == null || score.getChurnProbability() == null
                || score.getExpectedValueMinor() == null) {
            return null;
        }
        return new AtRiskEntry(customerId, score.getChurnProbability(), score.getSegment(),
                score.getExpectedValueMinor(), score.getValueAtRiskMinor(), score.getModelVersion(),
                score.getScoredAt().toString());
    }
}
