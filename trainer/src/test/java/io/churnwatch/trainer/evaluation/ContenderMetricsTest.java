package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContenderMetricsTest {

    private final double[] probabilities = {0.1, 0.4, 0.35, 0.8, 0.6, 0.2, 0.9, 0.05, 0.3, 0.7};
    private final boolean[] churned = {false, false, true, true, false, false, true, false, true, true};

    @Test
    void probabilisticContenderCarriesEveryMetric() {
        ContenderMetrics metrics = ContenderMetrics.ofProbabilities("xgboost", probabilities, churned);
        assertThat(metrics.contender()).isEqualTo("xgboost");
        assertThat(metrics.rocAuc()).isEqualTo(RocAuc.of(probabilities, churned));
        assertThat(metrics.prAuc()).isEqualTo(AveragePrecision.of(probabilities, churned));
        assertThat(metrics.liftTop10()).isEqualTo(Lift.topDecile(probabilities, churned));
        assertThat(metrics.brier()).isEqualTo(BrierScore.of(probabilities, churned));
        // Top decile of 10 is the single 0.9 customer, who churned; base rate 0.5.
        assertThat(metrics.liftTop10()).isEqualTo(2.0);
    }

    @Test
    void rankOnlyContenderHasNoBrierScore() {
        double[] recencyDays = {10, 40, 35, 80, 60, 20, 90, 5, 30, 70};
        ContenderMetrics metrics = ContenderMetrics.ofScores("recency-rule", recencyDays, churned);
        assertThat(metrics.brier()).isNull();
        // Same ranking as the probabilities above, so the same rank metrics.
        assertThat(metrics.rocAuc()).isEqualTo(RocAuc.of(probabilities, churned));
    }
}
