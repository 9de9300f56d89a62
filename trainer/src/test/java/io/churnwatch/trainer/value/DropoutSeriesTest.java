package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The fast series for {@code E[Y(t) | alive]} against the quadrature it stands in for: wherever it answers it must
 * agree to the accuracy both promise, and for the shapes real fits give it must answer, or it saves nothing.
 * (BgNbdExtremeParametersTest checks the model's results, whichever path gives them, against a 40-digit sum.)
 */
class DropoutSeriesTest {

    private static final double AGREEMENT = 5e-10;

    @Test
    void wheneverItAnswersItAgreesWithTheQuadratureAcrossAllShapes() {
        SplittableRandom random = new SplittableRandom(2005);
        int answered = 0;
        for (int i = 0; i < 20_000; i++) {
            // Shapes from 1e-4 to 1e6 on a log scale, counts up to 1,000, horizons from 1e-3 to 50 times alpha + T.
            double r = Math.pow(10, random.nextDouble(-4, 4));
            double a = Math.pow(10, random.nextDouble(-4, 6));
            double b = Math.pow(10, random.nextDouble(-4, 6));
            double x = random.nextInt(4) == 0 ? 0 : Math.floor(Math.pow(10, random.nextDouble(0, 3)));
            double scaledHorizon = Math.pow(10, random.nextDouble(-3, 1.7));
            double series = DropoutSeries.expectedIfAlive(r, a, b, x, scaledHorizon);
            if (Double.isNaN(series)) {
                continue;
            }
            answered++;
            double integral = BgNbdModel.integratedIfAlive(a, b + x, r + x, scaledHorizon);
            assertThat(Math.abs(series - integral) / integral)
                    .as("r=%s a=%s b=%s x=%s t/(alpha+T)=%s: series %s, quadrature %s", r, a, b, x, scaledHorizon,
                            series, integral)
                    .isLessThan(AGREEMENT);
        }
        assertThat(answered).as("answered of 20,000").isGreaterThan(5_000);
    }

    @Test
    void answersForEveryCustomerUnderTheShapesRealFitsGive() {
        // Fits on Online Retail II in days: r and a below 1, b a few, alpha tens of days; the box of BgNbdModel.fit
        // keeps every shape within [1e-4, 1e4], and a well-posed fit far inside it.
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            double r = random.nextDouble(0.05, 5);
            double alpha = random.nextDouble(5, 300);
            double a = random.nextDouble(0.01, 5);
            double b = random.nextDouble(0.3, 50);
            double x = random.nextInt(0, 300);
            double bigT = random.nextDouble(0, 740);
            double t = random.nextBoolean() ? 90 : 365;
            double scaledHorizon = t / (alpha + bigT);
            double series = DropoutSeries.expectedIfAlive(r, a, b, x, scaledHorizon);
            assertThat(series).as("r=%s alpha=%s a=%s b=%s x=%s T=%s t=%s", r, alpha, a, b, x, bigT, t).isNotNaN();
            double integral = BgNbdModel.integratedIfAlive(a, b + x, r + x, scaledHorizon);
            assertThat(Math.abs(series - integral) / integral).isLessThan(AGREEMENT);
        }
    }

    @Test
    void hasNoSingularityWhereTheTextbookFormulaDividesByAMinusOne() {
        for (double a : new double[] {1 - 1e-9, 1, 1 + 1e-9, 1 + 1e-3}) {
            double series = DropoutSeries.expectedIfAlive(0.7, a, 3, 2, 0.4);
            double integral = BgNbdModel.integratedIfAlive(a, 5, 2.7, 0.4);
            assertThat(Math.abs(series - integral) / integral).as("a=%s", a).isLessThan(AGREEMENT);
        }
    }

    @Test
    void shortHorizonsKeepTheirDigitsInsteadOfCancelling() {
        // For t -> 0, E[Y(t) | alive] -> (r + x) t / (alpha + T): the textbook bracket 1 - (...) 2F1 loses all digits.
        double scaledHorizon = 1e-9;
        double series = DropoutSeries.expectedIfAlive(0.5, 0.3, 2, 4, scaledHorizon);
        assertThat(Math.abs(series / (4.5 * scaledHorizon) - 1)).isLessThan(1e-8);
    }

    @Test
    void handsBackWhereItCannotBeTrusted() {
        // c = a + b + x - 1 near zero: the Pochhammer (c)_n passes through zero.
        assertThat(DropoutSeries.expectedIfAlive(0.5, 0.2, 0.3, 0, 0.5)).isNaN();
        // A drop-out shape in the millions (an unbounded fit on a flat ridge): terms climb like (1-z)^-a.
        assertThat(DropoutSeries.expectedIfAlive(1, 1.9e6, 8e7, 3, 0.8)).isNaN();
    }
}
