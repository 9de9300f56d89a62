package io.churnwatch.producers.synthetic;

/** Samplers for the distributions of the synthetic customer model, driven by a {@link SplitMix64}. */
final class Distributions {

    private Distributions() {
    }

    static double exponential(SplitMix64 rng, double rate) {
        return -Math.log(rng.nextOpenDouble()) / rate;
    }

    /** Standard normal by the Box-Muller transform (one of the pair is discarded to keep the state a single long). */
    static double normal(SplitMix64 rng) {
        double u = rng.nextOpenDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }

    /** Gamma(shape, scale 1) by Marsaglia and Tsang (2000); shapes below 1 via the U^(1/shape) boost. */
    static double gamma(SplitMix64 rng, double shape) {
        if (shape < 1.0) {
            return gamma(rng, shape + 1.0) * Math.pow(rng.nextOpenDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal(rng);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextOpenDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    static double beta(SplitMix64 rng, double a, double b) {
        double x = gamma(rng, a);
        double y = gamma(rng, b);
        return x / (x + y);
    }

    /** Poisson by Knuth's multiplication method (fine for the small means of basket sizes). */
    static int poisson(SplitMix64 rng, double mean) {
        double limit = Math.exp(-mean);
        double product = rng.nextOpenDouble();
        int count = 0;
        while (product > limit) {
            product *= rng.nextOpenDouble();
            count++;
        }
        return count;
    }

    static boolean bernoulli(SplitMix64 rng, double p) {
        return rng.nextDouble() < p;
    }
}
