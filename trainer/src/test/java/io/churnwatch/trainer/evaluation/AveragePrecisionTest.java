package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {

    @Test
    void handComputedCase() {
        // Descending: 0.8 churned (precision 1/1), 0.4 not, 0.35 churned (precision 2/3): (1 + 2/3) / 2.
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] churned = {false, false, true, true};
        assertThat(AveragePrecision.of(scores, churned)).isCloseTo(5.0 / 6, within(1e-15));
    }

    @Test
    void tiedScoresEnterTogether() {
        // 0.9 churned (1/1); the 0.5 pair (one churned) enters as one step: precision 2/3 for that recall gain.
        // Listing the tied churner first would have given 1.0; the input order must not matter.
        double[] scores = {0.5, 0.5, 0.2, 0.9};
        boolean[] churned = {true, false, false, true};
        assertThat(AveragePrecision.of(scores, churned)).isCloseTo(5.0 / 6, within(1e-15));
        double[] topTie = {0.9, 0.9, 0.1};
        boolean[] outcome = {false, true, true};
        // Step 1 (both 0.9): recall 1/2 at precision 1/2; step 2: recall 1 at precision 2/3.
        assertThat(AveragePrecision.of(topTie, outcome)).isCloseTo((0.5 + 2.0 / 3) / 2, within(1e-15));
    }

    @Test
    void allEqualScoresGiveTheChurnRate() {
        assertThat(AveragePrecision.of(new double[] {0.4, 0.4, 0.4, 0.4, 0.4},
                new boolean[] {true, false, true, false, false})).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void perfectRankingGivesOne() {
        assertThat(AveragePrecision.of(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {true, true, false, false}))
                .isEqualTo(1.0);
    }

    @Test
    void refusesNoChurners() {
        assertThatThrownBy(() -> AveragePrecision.of(new double[] {0.1, 0.2}, new boolean[] {false, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
