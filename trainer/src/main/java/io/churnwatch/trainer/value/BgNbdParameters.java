package io.churnwatch.trainer.value;

/**
 * BG/NBD parameters: purchase rates {@code lambda ~ Gamma(shape r, rate alpha)}, drop-out probabilities
 * {@code p ~ Beta(a, b)}. {@code alpha} is in the caller's time unit (days in churnwatch).
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

    public BgNbdParameters {
        requirePositive("r", r);
        requirePositive("alpha", alpha);
        requirePositive("a", a);
        requirePositive("b", b);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    double[] toArray() {
        return new double[] {r, alpha, a, b};
    }

    static BgNbdParameters fromArray(double[] values) {
        return new BgNbdParameters(values[0], values[1], values[2], values[3]);
    }
}
