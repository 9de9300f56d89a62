package io.churnwatch.trainer.value;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Draws spend from the Gamma-Gamma story: nu ~ Gamma(q, gamma) per customer, every transaction value
 * ~ Gamma(p, nu). Repeat counts are 1 + Poisson(meanExtraPurchases), so every customer carries information.
 */
final class GammaGammaSimulator {

    private final GammaGammaParameters truth;
    private final RandomGenerator random;

    GammaGammaSimulator(GammaGammaParameters truth, long seed) {
        this.truth = truth;
        this.random = new Well19937c(seed);
    }

    List<SpendSummary> customers(int count, double meanExtraPurchases) {
        GammaDistribution scales = new GammaDistribution(random, truth.q(), 1 / truth.gamma());
        PoissonDistribution extra = new PoissonDistribution(random, meanExtraPurchases,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        List<SpendSummary> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double nu = scales.sample();
            int x = 1 + extra.sample();
            GammaDistribution values = new GammaDistribution(random, truth.p(), 1 / nu);
            double total = 0;
            for (int j = 0; j < x; j++) {
                total += values.sample();
            }
            customers.add(new SpendSummary(x, total / x));
        }
        return customers;
    }
}
