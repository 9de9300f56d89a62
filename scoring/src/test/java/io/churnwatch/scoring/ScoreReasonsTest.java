package io.churnwatch.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.Reason;
import io.churnwatch.scoring.fixtures.CustomerProfile;
import io.churnwatch.scoring.fixtures.SyntheticChurn;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.trainer.churn.FeatureContext;
import io.churnwatch.trainer.churn.FeatureVectorizer;
import io.churnwatch.trainer.value.BgNbdModel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reasons on real scores: what pushes a lapsed customer towards churn, in words, with the values behind them. */
class ScoreReasonsTest {

    private static final Instant AS_OF = Instant.parse("2011-06-01T00:00:00Z");

    @Test
    void aLapsedCustomersReasonsAreTheStrongestPushesTowardsChurnInWords() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.defaults())) {
            harness.publish("current", TestReleases.first(0.5));
            CustomerFeatures lapsed = TestReleases.LAPSED.at("c1", AS_OF);
            CustomerScore score = harness.score(lapsed);
            List<Reason> reasons = score.getReasons();

            assertThat(reasons).hasSize(3);
            assertThat(reasons).extracting(Reason::getContribution).allSatisfy(c -> assertThat(c).isPositive());
            assertThat(reasons.get(0).getContribution()).isGreaterThanOrEqualTo(reasons.get(1).getContribution());
            assertThat(reasons.get(1).getContribution()).isGreaterThanOrEqualTo(reasons.get(2).getContribution());
            FeatureVectorizer vectorizer = FeatureVectorizer.forNames(TestReleases.ALL_FEATURES);
            FeatureContext context = FeatureVectorizer.context(lapsed, AS_OF, BgNbdModel.of(SyntheticChurn.BG_NBD), 90);
            for (Reason reason : reasons) {
                double value = vectorizer.value(TestReleases.ALL_FEATURES.indexOf(reason.getFeature()), context);
                assertThat(reason.getValue()).isCloseTo(value, within(1e-9));
                assertThat(reason.getText()).isNotBlank().doesNotContain("_").doesNotContain("NaN");
            }
            // The synthetic truth is "overdue against the usual gap", so that leads, in the customer's numbers.
            assertThat(reasons.get(0).getFeature()).isIn("recency_over_mean_gap", "recency_days");
            assertThat(reasons).extracting(Reason::getText).contains(
                    "220 days since the last purchase: 10.1 times their usual gap of 22 days",
                    "No purchase for 220 days; this customer usually buys every 22 days");
        }
    }

    @Test
    void reasonsCanBeMoreOrFewer() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.from(
                java.util.Map.of("CHURNWATCH_REASON_COUNT", "5")))) {
            harness.publish("current", TestReleases.first(0.5));
            assertThat(harness.score(TestReleases.LAPSED.at("c1", AS_OF)).getReasons()).hasSizeBetween(4, 5);
        }
    }

    @Test
    void noTwoReasonsOfAScoreReadTheSame() {
        try (ScoringHarness harness = new ScoringHarness(ScoringSettings.from(
                java.util.Map.of("CHURNWATCH_REASON_COUNT", "5")))) {
            harness.publish("current", TestReleases.first(0.5));
            for (int recency = 0; recency <= 400; recency += 40) {
                // One purchase: the mean gap and recency over the gap both have no value and the same words.
                for (CustomerProfile profile : List.of(new CustomerProfile(1, recency, recency, 2500, 0),
                        TestReleases.ACTIVE.withRecency(recency))) {
                    List<String> texts = harness.score(profile.at("c" + recency, AS_OF)).getReasons().stream()
                            .map(Reason::getText).toList();
                    assertThat(texts).as("%s", profile).doesNotHaveDuplicates().isNotEmpty();
                }
            }
        }
    }
}
