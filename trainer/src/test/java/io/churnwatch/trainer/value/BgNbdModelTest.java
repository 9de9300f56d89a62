package io.churnwatch.trainer.value;

import static org.apache.commons.math3.special.Beta.logBeta;
import static org.apache.commons.math3.special.Gamma.logGamma;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Closed-form quantities of BG/NBD; time unit: weeks for the CDNOW parameters, as published. */
class BgNbdModelTest {

    /** Fader, Hardie &amp; Lee (2005), fitted to the CDNOW cohort, in weeks. */
    static final BgNbdParameters CDNOW = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
    private final BgNbdModel cdnow = BgNbdModel.of(CDNOW);

    @Test
    void reproducesThePublishedCdnowConditionalExpectation() {
        // FHL 2005: a customer with x = 2, t_x = 30.43, T = 38.86 weeks expects 1.226 purchases in the next 39 weeks.
        assertThat(cdnow.expectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.0005));
    }

    @Test
    void expectationEqualsThePublishedHypergeometricFormulaAtModerateParameters() {
        // The published formula with 2F1(r+x, b+x; a+b+x-1; z), summed directly (fine at these moderate values).
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        double[][] cases = {{0, 0, 10, 20}, {1, 5, 30, 39}, {4, 20, 25, 39}, {7, 35, 38, 52}};
        for (double[] c : cases) {
            double x = c[0];
            double tx = c[1];
            double bigT = c[2];
            double t = c[3];
            double z = t / (alpha + bigT + t);
            double bracket = 1 - Math.pow((alpha + bigT) / (alpha + bigT + t), r + x)
                    * Hypergeometric2F1.value(r + x, b + x, a + b + x - 1, z);
            double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + bigT) / (alpha + tx), r + x) : 0);
            double direct = (a + b + x - 1) / (a - 1) * bracket / denominator;
            assertThat(cdnow.expectedPurchases(t, x, tx, bigT)).as("x=%s t_x=%s T=%s t=%s", x, tx, bigT, t)
                    .isCloseTo(direct, within(1e-10 * direct));
        }
    }

    @Test
    void expectationStaysFiniteForHeavyBuyersAndLongHorizons() {
        double heavy = cdnow.expectedPurchases(52, 300, 38, 39);
        double longHorizon = cdnow.expectedPurchases(5_000, 3, 20, 39);
        assertThat(heavy).isFinite().isPositive();
        // A heavy, recent buyer's rate posterior has mean (r+x)/(alpha+T) ~ 6.9 per week, times at most 52 weeks.
        assertThat(heavy).isLessThan(52 * (CDNOW.r() + 300) / (CDNOW.alpha() + 39));
        assertThat(longHorizon).isFinite().isGreaterThan(cdnow.expectedPurchases(500, 3, 20, 39));
    }

    @Test
    void expectationIsContinuousThroughTheRemovableSingularityAtAEqualsOne() {
        double below = BgNbdModel.of(new BgNbdParameters(0.5, 10, 1 - 1e-3, 3)).expectedPurchases(30, 2, 15, 40);
        double at = BgNbdModel.of(new BgNbdParameters(0.5, 10, 1, 3)).expectedPurchases(30, 2, 15, 40);
        double above = BgNbdModel.of(new BgNbdParameters(0.5, 10, 1 + 1e-3, 3)).expectedPurchases(30, 2, 15, 40);
        assertThat(at).isBetween(Math.min(below, above), Math.max(below, above));
        assertThat(at).isCloseTo((below + above) / 2, within(1e-6));
    }

    @Test
    void expectationGrowsWithHorizonAndIsZeroAtZero() {
        assertThat(cdnow.expectedPurchases(0, 2, 30.43, 38.86)).isZero();
        double previous = 0;
        for (double t = 1; t <= 200; t += 7) {
            double expected = cdnow.expectedPurchases(t, 2, 30.43, 38.86);
            assertThat(expected).isGreaterThan(previous);
            previous = expected;
        }
    }

    @Test
    void probabilityAliveMatchesTheHandComputedValue() {
        // 1 / (1 + 0.793/3.426 * (43.274/34.844)^2.243) = 0.72658...
        double odds = 0.793 / 3.426 * Math.pow(43.274 / 34.844, 2.243);
        assertThat(cdnow.probabilityAlive(2, 30.43, 38.86)).isCloseTo(1 / (1 + odds), within(1e-12))
                .isCloseTo(0.7266, within(1e-4));
    }

    @Test
    void customerWithoutRepeatPurchasesIsAliveByAssumption() {
        assertThat(cdnow.probabilityAlive(0, 0, 30)).isEqualTo(1.0);
    }

    @Test
    void probabilityAliveFallsAsTheLastPurchaseRecedes() {
        double previous = 1.0;
        for (double tx = 38; tx >= 1; tx -= 1) {
            double alive = cdnow.probabilityAlive(3, tx, 39);
            assertThat(alive).isLessThanOrEqualTo(previous).isBetween(0.0, 1.0);
            previous = alive;
        }
        assertThat(cdnow.probabilityAlive(3, 1, 39)).isLessThan(cdnow.probabilityAlive(3, 38, 39));
    }

    @Test
    void probabilityOfNoPurchaseIsAProbabilityThatFallsWithLongerHorizons() {
        double[][] customers = {{0, 0, 39}, {1, 2, 39}, {2, 30.43, 38.86}, {10, 38, 39}, {50, 30, 39}};
        for (double[] c : customers) {
            assertThat(cdnow.probabilityNoPurchase(0, c[0], c[1], c[2])).isEqualTo(1.0);
            double previous = 1.0;
            for (double horizon = 1; horizon <= 520; horizon *= 2) {
                double none = cdnow.probabilityNoPurchase(horizon, c[0], c[1], c[2]);
                // Non-increasing; it can flatten once a long horizon leaves only the chance of being dead.
                assertThat(none).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                // Never below the chance of being dead already: the dead never buy again.
                assertThat(none).isGreaterThanOrEqualTo(1 - cdnow.probabilityAlive(c[0], c[1], c[2]) - 1e-15);
                previous = none;
            }
            assertThat(cdnow.probabilityNoPurchase(52, c[0], c[1], c[2]))
                    .isLessThan(cdnow.probabilityNoPurchase(4, c[0], c[1], c[2]));
        }
        // 50 purchases, then silence for most of the time: dead beyond doubt, so no purchase at any horizon.
        assertThat(cdnow.probabilityNoPurchase(520, 50, 5, 39)).isEqualTo(1.0);
    }

    @Test
    void probabilityOfNoPurchaseRisesAsTheCustomerLapses() {
        double recent = cdnow.probabilityNoPurchase(13, 4, 38, 39);
        double lapsing = cdnow.probabilityNoPurchase(13, 4, 20, 39);
        double gone = cdnow.probabilityNoPurchase(13, 4, 2, 39);
        assertThat(recent).isLessThan(lapsing);
        assertThat(lapsing).isLessThan(gone);
    }

    @Test
    void probabilityOfNoPurchaseMatchesTheGammaPoissonClosedFormWhenNoRepeatPurchases() {
        // x = 0 means alive for sure, so it is the NBD zero probability with posterior Gamma(r, alpha + T).
        double expected = Math.pow((CDNOW.alpha() + 30) / (CDNOW.alpha() + 30 + 13), CDNOW.r());
        assertThat(cdnow.probabilityNoPurchase(13, 0, 0, 30)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void logLikelihoodMatchesTheTwoTermFormulaForOneCustomer() {
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        double x = 3;
        double tx = 20;
        double bigT = 35;
        double beta = logBeta(a, b);
        double gammaPart = Math.exp(logGamma(r + x) - logGamma(r)) * Math.pow(alpha, r);
        double aliveTerm = Math.exp(logBeta(a, b + x) - beta)
                * gammaPart / Math.pow(alpha + bigT, r + x);
        double deadTerm = Math.exp(logBeta(a + 1, b + x - 1) - beta)
                * gammaPart / Math.pow(alpha + tx, r + x);
        double expected = Math.log(aliveTerm + deadTerm);
        assertThat(cdnow.logLikelihoodOf(List.of(new RfmSummary(x, tx, bigT)))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void rejectsImpossibleHistories() {
        assertThatThrownBy(() -> new RfmSummary(2, 40, 39)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmSummary(0, 5, 39)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RfmSummary(-1, 0, 39)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cdnow.probabilityNoPurchase(-1, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cdnow.expectedPurchases(10, 1, 5, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
