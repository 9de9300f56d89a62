package io.churnwatch.trainer.value;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws customers from the BG/NBD story itself: a rate lambda ~ Gamma(r, alpha) and a drop-out probability
 * p ~ Beta(a, b) per customer; exponential gaps between purchases while alive; after every repeat purchase the
 * customer drops out with probability p. The first purchase is at time 0.
 */
final class BgNbdSimulator {

    /** A simulated customer: the summary at T and the purchases made in the holdout (T, T + holdout]. */
    record Customer(RfmSummary calibration, int holdoutPurchases) {
    }

    private final BgNbdParameters truth;
    private final RandomGenerator random;
    private final GammaDistribution rates;
    private final BetaDistribution dropouts;

    BgNbdSimulator(BgNbdParameters truth, long seed) {
        this.truth = truth;
        this.random = new Well19937c(seed);
        this.rates = new GammaDistribution(random, truth.r(), 1 / truth.alpha());
        this.dropouts = new BetaDistribution(random, truth.a(), truth.b());
    }

    /** Customers with ages T drawn uniformly from [minAge, maxAge], observed for a further {@code holdout}. */
    List<Customer> customers(int count, double minAge, double maxAge, double holdout) {
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double age = minAge + (maxAge - minAge) * random.nextDouble();
            customers.add(customer(rates.sample(), dropouts.sample(), age, holdout));
        }
        return customers;
    }

    private Customer customer(double rate, double dropout, double age, double holdout) {
        int repeat = 0;
        double last = 0;
        int holdoutPurchases = 0;
        double time = 0;
        while (true) {
            time += -Math.log(1 - random.nextDouble()) / rate;
            if (time > age + holdout) {
                break;
            }
            if (time <= age) {
                repeat++;
                last = time;
            } else {
                holdoutPurchases++;
            }
            if (random.nextDouble() < dropout) {
                break;
            }
        }
        return new Customer(new RfmSummary(repeat, last, age), holdoutPurchases);
    }

    BgNbdParameters truth() {
        return truth;
    }
}
