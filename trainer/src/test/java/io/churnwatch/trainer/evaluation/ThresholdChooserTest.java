package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** profit = p saveRate (v - incentive) - (1 - p) incentive - contactCost, incentive = incentiveShare v. */
class ThresholdChooserTest {

    @Test
    void picksTheThresholdWithTheLargestExpectedProfit() {
        // saveRate 0.5, contactCost 1, incentive 0.1 x 10 = 1: profit = 4.5 p - (1 - p) - 1 = 5.5 p - 2,
        // i.e. 2.95, 1.3, -0.35, -1.45 in order of p. Cumulative: 2.95, 4.25, 3.90, 2.45 -> the top two, 0.6.
        ThresholdChoice choice = new ThresholdChooser(0.5, 1, 0.1)
                .choose(new double[] {0.1, 0.6, 0.9, 0.3}, new double[] {10, 10, 10, 10});
        assertThat(choice.threshold()).isEqualTo(0.6);
        assertThat(choice.customersAlerted()).isEqualTo(2);
        assertThat(choice.expectedProfit()).isCloseTo(4.25, within(1e-12));
        assertThat(choice.rule()).contains(">= 0.600000", "expected campaign profit", "saveRate = 0.5",
                "incentiveShare = 0.1", "contactCost = 1.0", "4 holdout", "2 alerted", "4.25");
    }

    @Test
    void withoutAnIncentiveItIsTheRetainedValueRuleThatAlertedAlmostEveryone() {
        // incentiveShare 0: profit = p v saveRate - contactCost = 3.5, 2.0, 0.5, -0.5 -> cumulative best 6.0 at 0.3.
        ThresholdChoice choice = new ThresholdChooser(0.5, 1, 0)
                .choose(new double[] {0.1, 0.6, 0.9, 0.3}, new double[] {10, 10, 10, 10});
        assertThat(choice.threshold()).isEqualTo(0.3);
        assertThat(choice.customersAlerted()).isEqualTo(3);
        assertThat(choice.expectedProfit()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void aValuableCustomerWhoWouldStayAnywayIsNotWorthTheOffer() {
        // The 0.1 customer is worth 100: incentive 10, profit 0.1 x 0.5 x 90 - 0.9 x 10 - 1 = -5.5. Under
        // p v saveRate - contactCost (= +4) they were worth contacting and pulled the threshold down to 0.1.
        ThresholdChoice choice = new ThresholdChooser(0.5, 1, 0.1)
                .choose(new double[] {0.9, 0.6, 0.3, 0.1}, new double[] {10, 10, 10, 100});
        assertThat(choice.threshold()).isEqualTo(0.6);
        assertThat(choice.expectedProfit()).isCloseTo(4.25, within(1e-12));
        // A valuable customer with an even chance of leaving pays: 0.5 x 0.5 x 90 - 0.5 x 10 - 1 = 16.5.
        assertThat(new ThresholdChooser(0.5, 1, 0.1).profit(0.5, 100)).isCloseTo(16.5, within(1e-12));
    }

    @Test
    void customersWorthManyContactsAreNoLongerAllAlerted() {
        // 99 customers worth 50,000 minor units each, p = 0.01 .. 0.99, the default economics (0.2, 500, 0.10):
        // break-even p = (5,000 + 500) / (0.2 x 45,000 + 5,000) = 0.392857, so everyone from p = 0.40 on.
        double[] p = new double[99];
        double[] values = new double[99];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i + 1) / 100.0;
            values[i] = 50_000;
        }
        ThresholdChooser chooser = new ThresholdChooser(0.2, 500, 0.10);
        ThresholdChoice choice = chooser.choose(p, values);
        assertThat(choice.threshold()).isEqualTo(0.40);
        assertThat(choice.customersAlerted()).isEqualTo(60);
        assertThat(chooser.profit(5_500.0 / 14_000, 50_000)).isCloseTo(0, within(1e-9));
        // The retained-value rule (no incentive) breaks even at p = 0.05 and alerts about 95 of the 99.
        assertThat(new ThresholdChooser(0.2, 500, 0).choose(p, values).customersAlerted()).isGreaterThanOrEqualTo(94);
    }

    @Test
    void tiedProbabilitiesAreAlertedTogether() {
        // Profits 0.5 x 9 - 0.5 x 1 - 1 = 3 and 0 - 0 - 1 = -1 at the same p: alerting one without the other is
        // impossible.
        ThresholdChoice choice = new ThresholdChooser(1, 1, 0.1).choose(new double[] {0.5, 0.5}, new double[] {10, 0});
        assertThat(choice.threshold()).isEqualTo(0.5);
        assertThat(choice.customersAlerted()).isEqualTo(2);
        assertThat(choice.expectedProfit()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void equallyGoodThresholdsResolveToTheHighest() {
        // saveRate 1, contactCost 1, incentiveShare 0.5: profit = p v - v/2 - 1, i.e. 2 and exactly 0.
        ThresholdChoice choice = new ThresholdChooser(1, 1, 0.5)
                .choose(new double[] {0.8, 0.75}, new double[] {10, 4});
        assertThat(choice.threshold()).isEqualTo(0.8);
        assertThat(choice.customersAlerted()).isEqualTo(1);
    }

    @Test
    void nobodyIsAlertedWhenNoContactPaysOff() {
        ThresholdChoice choice = new ThresholdChooser(0.2, 5, 0.1)
                .choose(new double[] {0.2, 0.1}, new double[] {1, 1});
        assertThat(choice.customersAlerted()).isZero();
        assertThat(choice.expectedProfit()).isZero();
        assertThat(choice.threshold()).isGreaterThan(0.2).isLessThan(0.2 + 1e-12);
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new ThresholdChooser(0, 1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, -1, 0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, 1, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThresholdChooser(0.5, 1, 0.1).choose(new double[] {0.5}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
