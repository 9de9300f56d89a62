package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.scoring.fixtures.Reference;
import io.churnwatch.scoring.fixtures.SyntheticChurn;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.trainer.trainingset.CustomerSummaries;
import io.churnwatch.trainer.value.BgNbdModel;
import io.churnwatch.trainer.value.RfmSummary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The current release comes and goes through the models topic; scores follow without a restart. */
class ScoringReleaseTest {

    private static final Instant T0 = Instant.parse("2011-06-01T00:00:00Z");

    private ScoringHarness harness;

    @BeforeEach
    void start() {
        harness = new ScoringHarness(ScoringSettings.defaults());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void withoutAReleaseScoresCarryNullsAndNothingIsAlerted() {
        CustomerScore score = harness.score(TestReleases.LAPSED.at("c1", T0));

        assertThat(score.getCustomerId()).isEqualTo("c1");
        assertThat(score.getScoredAt()).isEqualTo(T0);
        assertThat(score.getModelVersion()).isNull();
        assertThat(score.getChurnProbability()).isNull();
        assertThat(score.getReasons()).isEmpty();
        assertThat(score.getSegment()).isNull();
        assertThat(score.getExpectedValueMinor()).isNull();
        assertThat(score.getValueAtRiskMinor()).isNull();
        assertThat(harness.scoreStore().get("c1")).isEqualTo(score);
        assertThat(harness.alerts.isEmpty()).isTrue();
        assertThat(harness.segmentChanges.isEmpty()).isTrue();
    }

    @Test
    void aPromotedReleaseIsUsedFromTheNextRecordOn() {
        harness.score(TestReleases.LAPSED.at("c1", T0));
        ModelRelease release = TestReleases.first(0.5);
        harness.publish("current", release);

        CustomerFeatures features = TestReleases.LAPSED.at("c1", T0.plusSeconds(60));
        CustomerScore score = harness.score(features);

        assertThat(score.getModelVersion()).isEqualTo(1L);
        assertThat(score.getChurnProbability())
                .isCloseTo(Reference.probability(TestReleases.firstModel(), features), within(1e-6));
        assertThat(score.getReasons()).hasSize(3);
        assertThat(score.getSegment()).isEqualTo("Lapsing");
        RfmSummary rfm = CustomerSummaries.rfm(features, features.getAsOf());
        double purchases = BgNbdModel.of(SyntheticChurn.BG_NBD).expectedPurchases(90, rfm.frequency(), rfm.recency(),
                rfm.age());
        assertThat(score.getExpectedPurchases()).isCloseTo(purchases, within(1e-9));
        assertThat(score.getExpectedValueMinor()).isPositive();
        assertThat(score.getValueAtRiskMinor())
                .isEqualTo(Math.round(score.getChurnProbability() * score.getExpectedValueMinor()));
        assertThat(harness.modelStore().get("current").getVersion()).isEqualTo(1L);
        assertThat(harness.scoreStore().get("c1")).isEqualTo(score);
    }

    @Test
    void historyKeysAreIgnored() {
        harness.publish("v1", TestReleases.first(0.5));

        assertThat(harness.score(TestReleases.LAPSED.at("c1", T0)).getModelVersion()).isNull();
        assertThat(harness.modelStore().get("v1")).isNull();
    }

    @Test
    void aSecondReleaseSwapsTheModelAndItsFeatureLayout() {
        harness.publish("current", TestReleases.first(0.5));
        CustomerFeatures before = TestReleases.LAPSED.withRecency(60).at("c1", T0);
        assertThat(harness.score(before).getModelVersion()).isEqualTo(1L);

        harness.publish("current", TestReleases.second(0.5));
        CustomerFeatures after = TestReleases.LAPSED.withRecency(60).at("c1", T0.plusSeconds(60));
        CustomerScore score = harness.score(after);

        assertThat(score.getModelVersion()).isEqualTo(2L);
        assertThat(score.getChurnProbability())
                .isCloseTo(Reference.probability(TestReleases.secondModel(), after), within(1e-6));
        assertThat(score.getReasons()).allSatisfy(reason ->
                assertThat(TestReleases.RFM_FEATURES).contains(reason.getFeature()));
    }

    @Test
    void aReleaseThatCannotBeLoadedLeavesThePreviousOneInUse() {
        harness.publish("current", TestReleases.first(0.5));
        ModelRelease unknownFeature = ModelRelease.newBuilder(TestReleases.second(0.5))
                .setVersion(3).setFeatureNames(List.of("recency_days", "orders", "gross_revenue_minor",
                        "inter_purchase_days_mean", "recency_over_mean_gap", "shoe_size"))
                .build();
        harness.publish("current", unknownFeature);

        assertThat(harness.score(TestReleases.LAPSED.at("c1", T0)).getModelVersion()).isEqualTo(1L);
    }

    @Test
    void deletingTheCurrentReleaseStopsScoring() {
        harness.publish("current", TestReleases.first(0.5));
        assertThat(harness.score(TestReleases.LAPSED.at("c1", T0)).getModelVersion()).isEqualTo(1L);

        harness.publish("current", null);

        assertThat(harness.score(TestReleases.LAPSED.at("c1", T0.plusSeconds(60))).getChurnProbability()).isNull();
        assertThat(harness.modelStore().get("current")).isNull();
    }

    @Test
    void manyCustomersAgreeWithTheTrainersPrediction() {
        harness.publish("current", TestReleases.first(0.5));
        List<CustomerFeatures> customers = TestReleases.data().customers().subList(0, 300);
        for (CustomerFeatures customer : customers) {
            CustomerFeatures live = CustomerFeatures.newBuilder(customer).setAsOf(customer.getAsOf()).build();
            assertThat(harness.score(live).getChurnProbability())
                    .isCloseTo(Reference.probability(TestReleases.firstModel(), live), within(1e-6));
        }
    }
}
