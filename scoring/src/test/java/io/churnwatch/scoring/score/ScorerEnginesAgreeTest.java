package io.churnwatch.scoring.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.CustomerScore;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.Reason;
import io.churnwatch.scoring.ScoringSettings;
import io.churnwatch.scoring.fixtures.SyntheticChurn;
import io.churnwatch.scoring.fixtures.TestReleases;
import io.churnwatch.scoring.release.ChurnEngine;
import io.churnwatch.scoring.release.LoadedRelease;
import io.churnwatch.scoring.release.ReleaseLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Moving the scorer from xgboost4j's predictContrib to the plain-Java TreeSHAP changes no score: the same reasons
 * (feature, value, text) in the same order with contributions within 1e-4, the same segment and value, and the
 * probability within 1e-6, for every synthetic customer and for random customers re-evaluated weeks after their
 * last event. Two reasons may trade places only where their contributions tie to within that 1e-4.
 */
class ScorerEnginesAgreeTest {

    private static final double TOLERANCE = 1e-4;

    static Stream<Arguments> releases() {
        return Stream.of(Arguments.of("release 1, all features", TestReleases.first(0.5)),
                Arguments.of("release 2, RFM features", TestReleases.second(0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releases")
    void javaScoresAreTheXgboostScores(String name, ModelRelease record) {
        CustomerScorer scorer = new CustomerScorer(ScoringSettings.defaults());
        List<CustomerFeatures> customers = customers();
        int reasons = 0;
        double worstProbability = 0;
        try (LoadedRelease java = new ReleaseLoader(ChurnEngine.JAVA).load(record);
             LoadedRelease xgboost = new ReleaseLoader(ChurnEngine.XGBOOST).load(record)) {
            assertThat(java.toString()).contains("Java TreeSHAP");
            assertThat(xgboost.toString()).contains("xgboost4j");
            for (CustomerFeatures customer : customers) {
                CustomerScore expected = scorer.score(customer, xgboost, 0.3).score();
                CustomerScore actual = scorer.score(customer, java, 0.3).score();
                String who = customer.getCustomerId() + " as of " + customer.getAsOf();

                assertThat(actual.getChurnProbability()).as(who)
                        .isCloseTo(expected.getChurnProbability(), within(1e-6));
                worstProbability = Math.max(worstProbability,
                        Math.abs(actual.getChurnProbability() - expected.getChurnProbability()));
                assertSameReasons(who, expected.getReasons(), actual.getReasons());
                if (expected.getValueAtRiskMinor() == null) {
                    assertThat(actual.getValueAtRiskMinor()).as(who).isNull();
                } else {
                    assertThat(actual.getValueAtRiskMinor()).as(who)
                            .isCloseTo(expected.getValueAtRiskMinor(), within(1L));
                }
                assertThat(actual.getSegment()).as(who).isEqualTo(expected.getSegment());
                assertThat(actual.getExpectedValueMinor()).as(who).isEqualTo(expected.getExpectedValueMinor());
                assertThat(actual.getModelVersion()).isEqualTo(expected.getModelVersion());
                reasons += actual.getReasons().size();
            }
        }
        System.out.printf("%s: %d customers, %d reasons the same, worst probability difference %.2e%n", name,
                customers.size(), reasons, worstProbability);
        // Up to three reasons each (fewer where few features contribute): the comparison covered real reasons.
        assertThat(reasons).isGreaterThan(2 * customers.size());
    }

    private static void assertSameReasons(String who, List<Reason> expected, List<Reason> actual) {
        assertThat(actual).as(who).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Reason want = expected.get(i);
            Reason got = actual.get(i);
            if (!got.getFeature().equals(want.getFeature())) {
                // Only a near tie may reorder: the reason in this place must be one XGBoost ranked as strongly.
                Reason swapped = expected.stream().filter(r -> r.getFeature().equals(got.getFeature())).findFirst()
                        .orElseThrow(() -> new AssertionError(who + ": reason " + got + " is not among " + expected));
                assertThat(Math.abs(swapped.getContribution())).as(who)
                        .isCloseTo(Math.abs(want.getContribution()), within(TOLERANCE));
                want = swapped;
            }
            assertThat(got.getValue()).as(who).isEqualTo(want.getValue());
            assertThat(got.getText()).as(who).isEqualTo(want.getText());
            assertThat(got.getContribution()).as(who).isCloseTo(want.getContribution(), within(TOLERANCE));
        }
    }

    private static List<CustomerFeatures> customers() {
        List<CustomerFeatures> customers = new ArrayList<>(TestReleases.data().customers());
        Random random = new Random(31);
        for (int i = 0; i < 1000; i++) {
            customers.add(SyntheticChurn.randomProfile(random).withRecency(random.nextDouble() * 400)
                    .at("R" + i, SyntheticChurn.CUTOFF.plus(Duration.ofDays(random.nextInt(120)))));
        }
        return customers;
    }
}
