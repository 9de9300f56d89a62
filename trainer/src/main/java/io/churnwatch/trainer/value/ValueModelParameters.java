package io.churnwatch.trainer.value;

/**
 * Every parameter of the value model, flat, in the shape of the {@code ValueModelParams} record of a model
 * release (time unit: days).
 */
public record ValueModelParameters(double r, double alpha, double a, double b, double p, double q, double gamma) {

    public static ValueModelParameters of(BgNbdParameters purchases, GammaGammaParameters spend) {
        return new ValueModelParameters(purchases.r(), purchases.alpha(), purchases.a(), purchases.b(),
                spend.p(), spend.q(), spend.gamma());
    }

    public BgNbdParameters purchases() {
        return new BgNbdParameters(r, alpha, a, b);
    }

    public GammaGammaParameters spend() {
        return new GammaGammaParameters(p, q, gamma);
    }
}
