package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Maximum-likelihood recovery of BG/NBD parameters from customers simulated with a seeded generator.
 *
 * <p>Stated tolerances, for 5,000 customers aged 27-78 weeks under the CDNOW parameters: the sampling spread of
 * the estimates there is about 1.5% for r, 3% for alpha, 8% for a and 12% for b (measured over seeds), so the
 * bounds below are about three standard deviations. Independently of the spread, the fit must score at least the
 * true parameters' likelihood, and the truth must lie inside the 99.9% likelihood-ratio confidence region.
 */
class BgNbdFitTest {

    private static final BgNbdParameters TRUTH = BgNbdModelTest.CDNOW;

    @Test
    void recoversSimulatedParameters() {
        List<RfmSummary> customers = new BgNbdSimulator(TRUTH, 20_240_601L).customers(5_000, 27, 78, 0).stream()
                .map(BgNbdSimulator.Customer::calibration).toList();

        BgNbdModel fitted = BgNbdModel.fit(customers);

        BgNbdParameters estimate = fitted.parameters();
        assertThat(estimate.r()).isCloseTo(TRUTH.r(), within(0.05 * TRUTH.r()));
        assertThat(estimate.alpha()).isCloseTo(TRUTH.alpha(), within(0.10 * TRUTH.alpha()));
        assertThat(estimate.a()).isCloseTo(TRUTH.a(), within(0.25 * TRUTH.a()));
        assertThat(estimate.b()).isCloseTo(TRUTH.b(), within(0.40 * TRUTH.b()));

        double atTruth = BgNbdModel.of(TRUTH).logLikelihoodOf(customers);
        assertThat(fitted.logLikelihood()).isGreaterThanOrEqualTo(atTruth)
                .isCloseTo(fitted.logLikelihoodOf(customers), within(1e-6));
        double likelihoodRatio = 2 * (fitted.logLikelihood() - atTruth);
        assertThat(likelihoodRatio).isLessThan(new ChiSquaredDistribution(4).inverseCumulativeProbability(0.999));
        assertThat(fitted.customers()).isEqualTo(5_000);
    }

    @Test
    void fitIsInvariantToTheTimeUnitExceptForAlpha() {
        List<RfmSummary> weeks = new BgNbdSimulator(TRUTH, 7L).customers(2_000, 27, 78, 0).stream()
                .map(BgNbdSimulator.Customer::calibration).toList();
        List<RfmSummary> days = weeks.stream()
                .map(s -> new RfmSummary(s.frequency(), s.recency() * 7, s.age() * 7)).toList();

        BgNbdParameters inWeeks = BgNbdModel.fit(weeks).parameters();
        BgNbdParameters inDays = BgNbdModel.fit(days).parameters();

        assertThat(inDays.alpha()).isCloseTo(7 * inWeeks.alpha(), within(1e-3 * inDays.alpha()));
        assertThat(inDays.r()).isCloseTo(inWeeks.r(), within(1e-3 * inWeeks.r()));
        assertThat(inDays.a()).isCloseTo(inWeeks.a(), within(1e-3 * inWeeks.a()));
        assertThat(inDays.b()).isCloseTo(inWeeks.b(), within(1e-3 * inWeeks.b()));
    }

    @Test
    void refusesDataWithoutRepeatPurchases() {
        assertThatThrownBy(() -> BgNbdModel.fit(List.of(new RfmSummary(0, 0, 10), new RfmSummary(0, 0, 20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat purchase");
        assertThatThrownBy(() -> BgNbdModel.fit(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
