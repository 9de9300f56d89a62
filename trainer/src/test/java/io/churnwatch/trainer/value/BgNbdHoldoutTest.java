package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conditional quantities against what simulated customers then do in a holdout period, with the true
 * parameters: expected purchases and P(no purchase) must match the outcomes within each group of past
 * frequency (so a formula that is only right on average across customers fails).
 *
 * <p>Tolerances are about three standard deviations of the simulation noise for 20,000 customers (measured
 * over seeds): 8% on each group's total holdout purchases, 0.02 on each group's share without a purchase.
 */
class BgNbdHoldoutTest {

    private static final double HOLDOUT_WEEKS = 39;
    private static final int GROUPS = 4;

    @Test
    void conditionalExpectationsMatchSimulatedHoldoutBehaviour() {
        BgNbdModel model = BgNbdModel.of(BgNbdModelTest.CDNOW);
        List<BgNbdSimulator.Customer> customers = new BgNbdSimulator(BgNbdModelTest.CDNOW, 424_242L)
                .customers(20_000, 27, 39, HOLDOUT_WEEKS);

        double[] expectedPurchases = new double[GROUPS];
        double[] actualPurchases = new double[GROUPS];
        double[] expectedSilent = new double[GROUPS];
        double[] actualSilent = new double[GROUPS];
        int[] size = new int[GROUPS];
        for (BgNbdSimulator.Customer customer : customers) {
            RfmSummary s = customer.calibration();
            int group = (int) Math.min(GROUPS - 1, s.frequency());
            expectedPurchases[group] += model.expectedPurchases(HOLDOUT_WEEKS, s.frequency(), s.recency(), s.age());
            actualPurchases[group] += customer.holdoutPurchases();
            expectedSilent[group] += model.probabilityNoPurchase(HOLDOUT_WEEKS, s.frequency(), s.recency(), s.age());
            actualSilent[group] += customer.holdoutPurchases() == 0 ? 1 : 0;
            size[group]++;
        }
        for (int group = 0; group < GROUPS; group++) {
            assertThat(size[group]).as("customers with x = %d%s", group, group == GROUPS - 1 ? "+" : "")
                    .isGreaterThan(1_000);
            assertThat(expectedPurchases[group]).as("expected purchases, x group %d", group)
                    .isCloseTo(actualPurchases[group], within(0.08 * actualPurchases[group]));
            assertThat(expectedSilent[group] / size[group]).as("P(no purchase), x group %d", group)
                    .isCloseTo(actualSilent[group] / size[group], within(0.02));
        }
    }
}
