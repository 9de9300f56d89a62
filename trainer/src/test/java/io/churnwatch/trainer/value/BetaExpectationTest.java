package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Beta means with closed forms, from shapes that pile the mass at an end to shapes that make it a spike. */
class BetaExpectationTest {

    private static final double[] SHAPES = {1e-4, 0.01, 0.3, 1, 2.5, 40, 1e3, 1e5, 1e7, 1e9, 1e12, 1e16};

    @Test
    void kronrodRuleIsExactForPolynomialsUpToDegree31AndItsGaussRuleUpToDegree19() {
        for (int degree = 0; degree <= 31; degree++) {
            double exact = degree % 2 == 1 ? 0 : 2.0 / (degree + 1);
            double kronrod = 0;
            double gauss = 0;
            for (int i = 0; i < AdaptiveKronrod.NODES.length; i++) {
                double y = AdaptiveKronrod.NODES[i];
                double both = y == 0 ? Math.pow(0, degree) : Math.pow(y, degree) + Math.pow(-y, degree);
                kronrod += AdaptiveKronrod.KRONROD_WEIGHTS[i] * both;
                if (i % 2 == 1) {
                    gauss += AdaptiveKronrod.GAUSS_WEIGHTS[i / 2] * both;
                }
            }
            assertThat(kronrod).as("Kronrod, degree %d", degree).isCloseTo(exact, within(1e-15));
            if (degree <= 19) {
                assertThat(gauss).as("Gauss, degree %d", degree).isCloseTo(exact, within(1e-15));
            }
        }
    }

    @Test
    void meanOfPIsAOverAPlusB() {
        for (double a : SHAPES) {
            for (double b : SHAPES) {
                double expected = a / (a + b);
                assertThat(BetaExpectation.mean(a, b, p -> p, 1)).as("a=%s b=%s", a, b)
                        .isCloseTo(expected, within(1e-11 * expected));
            }
        }
    }

    @Test
    void meanOfAPowerOfPIsTheBetaFunctionRatio() {
        // E[p^k] = B(a+k, b) / B(a, b) = prod_{j<k} (a+j)/(a+b+j), down to 1e-100 and below for tiny a.
        int k = 7;
        for (double a : SHAPES) {
            for (double b : SHAPES) {
                double expected = 1;
                for (int j = 0; j < k; j++) {
                    expected *= (a + j) / (a + b + j);
                }
                double mean = BetaExpectation.mean(a, b, p -> Math.pow(p, k), k);
                assertThat(mean).as("a=%s b=%s", a, b).isCloseTo(expected, within(1e-11 * expected + 1e-300));
            }
        }
    }

    @Test
    void densityRatioIsZeroAtTheModeFallsOnBothSidesAndMatchesTheDirectFormula() {
        for (double a : SHAPES) {
            for (double b : SHAPES) {
                BetaExpectation.Density density = new BetaExpectation.Density(a, b);
                assertThat(density.logRatio(0)).isZero();
                assertThat(density.logRatio(-1e-3)).isNegative();
                assertThat(density.logRatio(1e-3)).isNegative();
                // Against the direct difference of logs where that is still accurate.
                if (a <= 1e3 && b <= 1e3) {
                    double direct = a * (Math.log(sigma(density.mode + 0.7)) - Math.log(sigma(density.mode)))
                            + b * (Math.log(sigma(-density.mode - 0.7)) - Math.log(sigma(-density.mode)));
                    assertThat(density.logRatio(0.7)).isCloseTo(direct, within(1e-9 * (1 + Math.abs(direct))));
                }
            }
        }
    }

    private static double sigma(double y) {
        return 1 / (1 + Math.exp(-y));
    }
}
