package io.churnwatch.trainer.value;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Gamma-Gamma spend model: fitting by maximum likelihood on customers with repeat purchases, and the expected
 * value of a customer's future transactions given their history.
 *
 * @param parameters    the fitted (or given) parameters
 * @param logLikelihood the log-likelihood of the training customers; NaN when built from parameters alone
 * @param customers     customers with repeat purchases it was fitted on; 0 when built from parameters alone
 */
public record GammaGammaModel(GammaGammaParameters parameters, double logLikelihood, int customers) {

    private static final Logger LOG = LoggerFactory.getLogger(GammaGammaModel.class);

    public GammaGammaModel {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters are required");
        }
    }

    public static GammaGammaModel of(GammaGammaParameters parameters) {
        return new GammaGammaModel(parameters, Double.NaN, 0);
    }

    /**
     * Fits (p, q, gamma) by maximum likelihood. Customers without repeat purchases are ignored; at least two
     * customers with repeat purchases are needed.
     */
    public static GammaGammaModel fit(List<SpendSummary> summaries) {
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(summaries);
        if (likelihood.customers() < 2) {
            throw new IllegalArgumentException("cannot fit Gamma-Gamma: need at least two customers with repeat "
                    + "purchases, got " + likelihood.customers());
        }
        double meanSpend = summaries.stream().filter(SpendSummary::hasRepeatPurchases)
                .mapToDouble(SpendSummary::meanRepeatValue).average().orElseThrow();
        // Start with p = 1, q = 2 and gamma set so that the implied population mean p gamma / (q - 1) matches.
        double[] start = {1, 2, meanSpend};
        LogSpaceMaximizer.Maximum maximum = LogSpaceMaximizer.maximize(
                p -> likelihood.logLikelihood(p[0], p[1], p[2]), start);
        GammaGammaParameters fitted = GammaGammaParameters.fromArray(maximum.parameters());
        LOG.info("Gamma-Gamma fitted on {} repeat customers: {} (log-likelihood {}, {} evaluations)",
                likelihood.customers(), fitted, maximum.value(), maximum.evaluations());
        if (fitted.q() <= 1) {
            LOG.warn("Gamma-Gamma fit has q = {} <= 1: expected spend is unbounded; check the spend data", fitted.q());
        }
        return new GammaGammaModel(fitted, maximum.value(), likelihood.customers());
    }

    /**
     * E[spend per transaction | x, m]: a weighted average of the population mean and the customer's own mean,
     * {@code (gamma + m x) p / (p x + q - 1)}, which is the population mean when {@code x = 0}.
     */
    public double conditionalExpectedValue(double x, double meanRepeatValue) {
        SpendSummary summary = new SpendSummary(x, meanRepeatValue);
        GammaGammaParameters params = parameters;
        if (params.q() <= 1) {
            throw new IllegalStateException("Gamma-Gamma with q <= 1 has no finite expected spend (q = "
                    + params.q() + ")");
        }
        if (!summary.hasRepeatPurchases()) {
            return params.populationMeanSpend();
        }
        return (params.gamma() + meanRepeatValue * x) * params.p() / (params.p() * x + params.q() - 1);
    }
}
