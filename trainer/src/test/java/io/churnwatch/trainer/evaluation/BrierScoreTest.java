package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrierScoreTest {

    @Test
    void handComputedCase() {
        // (0.9 - 1)^2 + (0.2 - 0)^2 + (0.6 - 0)^2 = 0.01 + 0.04 + 0.36, over 3.
        assertThat(BrierScore.of(new double[] {0.9, 0.2, 0.6}, new boolean[] {true, false, false}))
                .isCloseTo(0.41 / 3, within(1e-15));
    }

    @Test
    void perfectAndWorstForecasts() {
        assertThat(BrierScore.of(new double[] {1, 0}, new boolean[] {true, false})).isZero();
        assertThat(BrierScore.of(new double[] {0, 1}, new boolean[] {true, false})).isEqualTo(1.0);
    }

    @Test
    void refusesNonProbabilities() {
        assertThatThrownBy(() -> BrierScore.of(new double[] {1.2}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BrierScore.of(new double[] {-0.1}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
