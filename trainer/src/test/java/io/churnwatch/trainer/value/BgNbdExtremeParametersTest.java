package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD's per-customer quantities where the hypergeometric formula breaks: drop-out shapes in the millions (what
 * an unbounded fit on the real-data sample produced), tiny shapes, heavy buyers, horizons far beyond alpha + T.
 * Checked against {@link PurchaseCountSeries}, a 40-digit sum over purchase opportunities, and a Monte Carlo run of
 * the model's own story. Time unit: days.
 */
class BgNbdExtremeParametersTest {

    /** The unbounded MLE on one cutoff (305 customers) of the real-data sample: a, b ran off along the ridge. */
    static final BgNbdParameters SAMPLE_RIDGE =
            new BgNbdParameters(1.0015722970327832, 88.80266396416054, 1922564.7519524316, 8.068473289249669E7);
    /** The unbounded MLE on the sample.s earliest cutoff (59 customers): a tiny alpha as well. */
    static final BgNbdParameters EARLY_RIDGE =
            new BgNbdParameters(0.030710203773283404, 0.0013562972200103227, 1.2458409970340846E7,
                    2.2577395253699113E7);

    /** (x, t_x, T, t) in days: new, occasional, lapsed, heavy, very heavy; short and long horizons. */
    private static final double[][] CUSTOMERS = {
        {0, 0, 0.3, 90}, {0, 0, 400, 90}, {1, 10, 30, 90}, {3, 100, 300, 90}, {8, 60, 700, 90}, {40, 690, 700, 90},
        {300, 699, 700, 90}, {5, 200, 300, 1}, {5, 200, 300, 3650},
    };

    @Test
    void matchesTheHighPrecisionSeriesOnTheRidgeFitsOfTheRealSample() {
        for (BgNbdParameters params : new BgNbdParameters[] {SAMPLE_RIDGE, EARLY_RIDGE}) {
            assertMatchesSeries(params, CUSTOMERS, 1e-9);
        }
    }

    @Test
    void matchesTheHighPrecisionSeriesAcrossExtremeShapes() {
        double[] shapes = {1e-4, 0.05, 0.8, 1, 1.3, 30, 1e4, 1e7, 1e10};
        double[][] customers = {{0, 0, 50, 90}, {2, 30, 60, 90}, {25, 300, 310, 90}, {4, 20, 400, 365}};
        for (double a : shapes) {
            for (double b : shapes) {
                assertMatchesSeries(new BgNbdParameters(0.9, 80, a, b), customers, 1e-9);
            }
        }
        for (double r : new double[] {1e-4, 0.05, 40, 1e4}) {
            assertMatchesSeries(new BgNbdParameters(r, 80 * Math.max(1, r), 0.4, 9), customers, 1e-9);
        }
    }

    @Test
    void beyondTheHypergeometricSeriesReachTheGeometricDropOutLimitHolds() {
        // a, b = 1e16 and 1e17: p is a point at a/(a+b+x), so E = (1 - (1 + p t/(alpha+T))^-(r+x)) / p exactly.
        BgNbdModel model = BgNbdModel.of(new BgNbdParameters(1.2, 90, 1e16, 1e17));
        double x = 4;
        double p = 1e16 / (1e16 + 1e17 + x);
        double limit = -Math.expm1(-(1.2 + x) * Math.log1p(p * 90 / (90 + 300))) / p;
        double alive = model.probabilityAlive(x, 250, 300);
        assertThat(model.expectedPurchases(90, x, 250, 300)).isCloseTo(limit * alive, within(1e-12 * limit));
    }

    @Test
    void aHorizonFarBeyondAlphaPlusTBuysUntilDropOut() {
        // u = t / (alpha + T) = 9e5: every customer keeps buying until drop-out, E[1/p] = (a+b-1)/(a-1) for
        // p ~ Beta(a, b).
        BgNbdModel model = BgNbdModel.of(new BgNbdParameters(2.5, 1e-4, 3, 5));
        assertThat(model.expectedPurchases(90, 0, 0, 0)).isCloseTo(7.0 / 2, within(1e-9));
    }

    @Test
    void monteCarloOfTheModelsStoryAgreesOnTheSampleRidge() {
        // Alive at T = 300 after x = 5 purchases: lambda ~ Gamma(r+5, alpha+300), p ~ Beta(a, b+5); the customer
        // makes Poisson(lambda t) purchase attempts and stops after the first one followed by drop-out.
        BgNbdParameters params = SAMPLE_RIDGE;
        double x = 5;
        double bigT = 300;
        double t = 90;
        RandomGenerator random = new Well19937c(424_242L);
        GammaDistribution rate = new GammaDistribution(random, params.r() + x, 1 / (params.alpha() + bigT));
        BetaDistribution dropout = new BetaDistribution(random, params.a(), params.b() + x);
        int draws = 200_000;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < draws; i++) {
            double lambda = rate.sample();
            double p = dropout.sample();
            int attempts = lambda == 0 ? 0 : new PoissonDistribution(random, lambda * t,
                    PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
            int made = 0;
            while (made < attempts) {
                made++;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            sum += made;
            sumSquares += (double) made * made;
        }
        double mean = sum / draws;
        double standardError = Math.sqrt((sumSquares / draws - mean * mean) / draws);
        BgNbdModel model = BgNbdModel.of(params);
        double ifAlive = model.expectedPurchases(t, x, 280, bigT) / model.probabilityAlive(x, 280, bigT);
        assertThat(ifAlive).isCloseTo(mean, within(4 * standardError));
    }

    @Test
    void everyQuantityIsAFiniteNumberInRangeOverAWideGrid() {
        double[] shapes = {1e-4, 0.3, 1, 50, 1e5, 1e9, 1e14, 1e18};
        double[] alphas = {1e-4, 1, 90, 1e6};
        double[][] customers = {{0, 0, 0}, {0, 0, 0.01}, {1, 0.5, 1}, {12, 80, 400}, {1e4, 699, 700}, {1e6, 10, 700}};
        double[] horizons = {1e-6, 1, 90, 1e5};
        for (double r : new double[] {1e-4, 1, 1e6}) {
            for (double alpha : alphas) {
                for (double a : shapes) {
                    for (double b : shapes) {
                        BgNbdModel model = BgNbdModel.of(new BgNbdParameters(r, alpha, a, b));
                        for (double[] c : customers) {
                            assertInRange(model, c[0], c[1], c[2], horizons);
                        }
                    }
                }
            }
        }
    }

    private static void assertInRange(BgNbdModel model, double x, double tx, double bigT, double[] horizons) {
        BgNbdParameters params = model.parameters();
        double alive = model.probabilityAlive(x, tx, bigT);
        assertThat(alive).as("P(alive) %s x=%s t_x=%s T=%s", params, x, tx, bigT).isBetween(0.0, 1.0);
        double previous = 0;
        for (double t : horizons) {
            String where = String.format("%s x=%s t_x=%s T=%s t=%s", params, x, tx, bigT, t);
            double expected = model.expectedPurchases(t, x, tx, bigT);
            // At most what the rate alone promises, (r+x) t / (alpha+T), for the share that is alive.
            double ceiling = (params.r() + x) * (t / (params.alpha() + bigT)) * alive;
            assertThat(expected).as(where).isFinite().isGreaterThanOrEqualTo(previous * (1 - 1e-12))
                    .isLessThanOrEqualTo(ceiling * (1 + 1e-9));
            previous = expected;
            double none = model.probabilityNoPurchase(t, x, tx, bigT);
            assertThat(none).as(where).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(1 - alive - 1e-15);
        }
    }

    private static void assertMatchesSeries(BgNbdParameters params, double[][] customers, double relative) {
        BgNbdModel model = BgNbdModel.of(params);
        for (double[] c : customers) {
            double x = c[0];
            double tx = c[1];
            double bigT = c[2];
            double t = c[3];
            double reference = PurchaseCountSeries.expectedPurchasesIfAlive(params, t, x, bigT)
                    * model.probabilityAlive(x, tx, bigT);
            assertThat(model.expectedPurchases(t, x, tx, bigT))
                    .as("%s x=%s t_x=%s T=%s t=%s", params, x, tx, bigT, t)
                    .isCloseTo(reference, within(relative * reference));
        }
    }
}
