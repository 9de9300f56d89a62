package io.churnwatch.trainer.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.ValueModelParams;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionGateTest {

    private final PromotionGate gate = new PromotionGate(0.005);

    @Test
    void worseByMoreThanTheToleranceIsNotPromoted() {
        PromotionDecision decision = gate.decide(0.780, Optional.of(4L), PromotionGate.Rescore.of(0.790), "2011-09-01");

        assertThat(decision.promoted()).isFalse();
        assertThat(decision.note()).isEqualTo("Not promoted: ROC-AUC 0.7800 on test cutoff 2011-09-01 is worse than "
                + "the current release v4 re-scored on the same cutoff (0.7900) by 0.0100, more than the tolerance "
                + "0.0050. v4 stays current.");
    }

    @Test
    void worseWithinTheToleranceIsPromoted() {
        PromotionDecision decision = gate.decide(0.787, Optional.of(4L), PromotionGate.Rescore.of(0.790), "2011-09-01");

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.note()).contains("difference -0.0030");
    }

    @Test
    void aFirstReleaseIsPromoted() {
        PromotionDecision decision = gate.decide(0.7, Optional.empty(), PromotionGate.Rescore.failed("none"), "x");

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.currentAuc()).isNull();
    }

    @Test
    void aCurrentReleaseThatCannotBeRescoredIsNamedInTheNote() {
        PromotionDecision decision = gate.decide(0.7, Optional.of(2L),
                PromotionGate.Rescore.failed("unknown churn features [basket_entropy]"), "2011-09-01");

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.note()).contains("v2 could not be re-scored", "basket_entropy");
    }

    @Test
    void theNextVersionFollowsTheHighestVersionEverPublished() {
        ModelRelease current = ModelRelease.newBuilder().setVersion(3).setCreatedAt(Instant.EPOCH)
                .setTrainingWindowStart(Instant.EPOCH).setTrainingWindowEnd(Instant.EPOCH)
                .setTestCutoff(Instant.EPOCH).setHorizonDays(90).setFeatureNames(List.of())
                .setChurnModel(ByteBuffer.allocate(0)).setMetrics(List.of()).setThreshold(0.5)
                .setThresholdRule("r").setPromoted(true).setSegmentFeatureNames(List.of())
                .setSegmentScaleMean(List.of()).setSegmentScaleStd(List.of())
                .setSegments(List.of())
                .setValueModel(ValueModelParams.newBuilder().setR(1).setAlpha(1).setA(1)
                        .setB(1).setP(1).setQ(2).setGamma(1).setHorizonDays(90).build())
                .build();

        assertThat(ReleaseHistory.none().nextVersion()).isEqualTo(1);
        assertThat(ReleaseHistory.of(Optional.of(current)).nextVersion()).isEqualTo(4);
        assertThat(new ReleaseHistory(Optional.of(current), 7).nextVersion()).isEqualTo(8);
        assertThat(CurrentReleaseScorer.rescore(ModelRelease.newBuilder(current)
                .setFeatureNames(List.of("recency_days", "basket_entropy")).build(), List.of(),
                Instant.EPOCH, null).problem()).contains("basket_entropy");
    }
}
