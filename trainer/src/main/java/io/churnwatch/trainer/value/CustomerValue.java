package io.churnwatch.trainer.value;

/**
 * One customer's value outlook over a horizon.
 *
 * @param horizon              the horizon, in the model's time unit
 * @param probabilityAlive     P(alive now)
 * @param probabilityNoPurchase P(no purchase within the horizon): the BG/NBD churn baseline
 * @param expectedPurchases    expected purchases within the horizon
 * @param expectedSpend        expected value of each of those purchases
 * @param expectedRevenue      {@code expectedPurchases * expectedSpend}
 */
public record CustomerValue(double horizon, double probabilityAlive, double probabilityNoPurchase,
                            double expectedPurchases, double expectedSpend, double expectedRevenue) {
}
