package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThresholdChooserTest {

    @Test
    void picksTheThresholdWithTheLargestExpectedRetainedValue() {
        // saveRate 0.5, contactCost 1: gains p*v/2 - 1 = 3.5, 2.0, 0.5, -0.5 (sorted by p).
        // Cumulative: 3.5, 5.5, 6.0, 5.5 -> alert the top three, threshold 0.3.
        ThresholdChoice choice = new ThresholdChooser(0.5, 1)
                .choose(new double[] {0.1, 0.6, 0.9, 0.3}, new double[] {10, 10, 10, 10});
        assertThat(choice.threshold()).isEqualTo(0.3);
        assertThat(choice.customersAlerted()).isEqualTo(3);
        assertThat(choice.expectedRetainedValue()).isCloseTo(6.0, within(1e-12));
        assertThat(choice.rule()).contains(">= 0.300000", "saveRate = 0.5", "contactCost = 1.0", "4 holdout",
                "3 alerted", "6.00");
    }

    @Test
    void valuableCustomersLowerTheThreshold() {
        // The low-probability customer is worth 100: gain 0.1 * 100 * 0.5 - 1 = 4 makes alerting everyone best.
        ThresholdChoice choice = new ThresholdChooser(0.5, 1)
                .choose(new double[] {0.9, 0.6, 0.3, 0.1}, new double[] {10, 10, 10, 100});
        assertThat(choice.threshold()).isEqualTo(0.1);
        assertThat(choice.expectedRetainedValue()).isCloseTo(10.0, within(1e-12));
    }

    @Test
    void tiedProbabilitiesAreAlertedTogether() {
        // Gains: 0.5*10-1 = 4 and 0.5*0-1 = -1 at the same p: alerting one without the other is impossible.
        ThresholdChoice choice = new ThresholdChooser(1, 1).choose(new double[] {0.5, 0.5}, new double[] {10, 0});
        assertThat(choice.threshold()).isEqualTo(0.5);
        assertThat(choice.customersAlerted()).isEqualTo(2);
        assertThat(choice.expectedRetainedValue()).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void equallyGoodThresholdsResolveToTheHighest() {
        // Gains 0.8 * 2.5 - 1 = 1 and 0.5 * 2 - 1 = 0: both thresholds give 1.
        ThresholdChoice choice = new ThresholdChooser(1, 1).choose(new double[] {0.8, 0.5}, new double[] {2.5, 2});
        assertThat(choice.threshold()).isEqualTo(0.8);
        assertThat(choice.customersAlerted()).isEqualTo(1);
    }

    @Test
    void nobodyIsAlertedWhenNoContactPaysOff() {
        ThresholdChoice choice = new ThresholdChooser(0.2, 5).choose(new double[] {0.2, 0.1}, new double[] {1, 1});
        assertThat(choice.customersAlerted()).isZero();
        assertThat(choice.expectedRetainedValue()).isZero();
        assertThat(choice.threshold()).isGreaterThan(0.2).isLessThan(0.2 + 1e-12);
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new ThresholdChooser(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, 1).choose(new double[] {0.5}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
