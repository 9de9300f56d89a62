package io.churnwatch.trainer.value;

/**
 * Gamma-Gamma parameters: each transaction's value is {@code Gamma(shape p, rate nu)} around a customer's own
 * {@code nu ~ Gamma(shape q, rate gamma)}. The population mean spend per transaction is {@code p gamma / (q - 1)},
 * finite only for {@code q > 1}.
 */
public record GammaGammaParameters(double p, double q, double gamma) {

    public GammaGammaParameters {
        BgNbdParameters.requirePositive("p", p);
        BgNbdParameters.requirePositive("q", q);
        BgNbdParameters.requirePositive("gamma", gamma);
    }

    /** Mean spend per transaction across customers. */
    public double populationMeanSpend() {
        if (q <= 1) {
            throw new IllegalStateException("Gamma-Gamma with q <= 1 has no finite mean spend (q = " + q + ")");
        }
        return p * gamma / (q - 1);
    }

    double[] toArray() {
        return new double[] {p, q, gamma};
    }

    static GammaGammaParameters fromArray(double[] values) {
        return new GammaGammaParameters(values[0], values[1], values[2]);
    }
}
