package io.churnwatch.trainer.value;

import java.util.List;

/**
 * BG/NBD for how many purchases, Gamma-Gamma for how much each: expected revenue over a horizon is their
 * product. The product assumes (as Gamma-Gamma does) that spend per transaction is independent of the purchase
 * process; revenue is undiscounted.
 */
public record CustomerValueModel(BgNbdModel purchases, GammaGammaModel spend) {

    public CustomerValueModel {
        if (purchases == null || spend == null) {
            throw new IllegalArgumentException("both the purchase and the spend model are required");
        }
    }

    /** Fits both models on the same customers; {@code rfm} and {@code spend} are parallel lists. */
    public static CustomerValueModel fit(List<RfmSummary> rfm, List<SpendSummary> spend) {
        return new CustomerValueModel(BgNbdModel.fit(rfm), GammaGammaModel.fit(spend));
    }

    public static CustomerValueModel of(ValueModelParameters parameters) {
        return new CustomerValueModel(BgNbdModel.of(parameters.purchases()), GammaGammaModel.of(parameters.spend()));
    }

    public ValueModelParameters parameters() {
        return ValueModelParameters.of(purchases.parameters(), spend.parameters());
    }

    /** Expected revenue in {@code (T, T + horizon]}. {@code meanRepeatValue} is ignored when {@code x = 0}. */
    public double expectedRevenue(double horizon, double x, double tx, double bigT, double meanRepeatValue) {
        return purchases.expectedPurchases(horizon, x, tx, bigT) * spend.conditionalExpectedValue(x, meanRepeatValue);
    }

    /** Everything the scorer shows about a customer's value, in one call. */
    public CustomerValue evaluate(double horizon, double x, double tx, double bigT, double meanRepeatValue) {
        double expectedPurchases = purchases.expectedPurchases(horizon, x, tx, bigT);
        double expectedSpend = spend.conditionalExpectedValue(x, meanRepeatValue);
        return new CustomerValue(horizon, purchases.probabilityAlive(x, tx, bigT),
                purchases.probabilityNoPurchase(horizon, x, tx, bigT), expectedPurchases, expectedSpend,
                expectedPurchases * expectedSpend);
    }
}
