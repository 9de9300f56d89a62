package io.churnwatch.trainer.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hypergeometric2F1Test {

    @ParameterizedTest
    @ValueSource(doubles = {-0.9, -0.3, 0.001, 0.25, 0.5, 0.9, 0.99, 0.9999})
    void matchesTheLogarithmClosedForm(double z) {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        double expected = -Math.log1p(-z) / z;
        assertThat(Hypergeometric2F1.value(1, 1, 2, z)).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.5, 0.1, 0.6, 0.95})
    void matchesTheBinomialClosedForm(double z) {
        // 2F1(a, b; b; z) = (1 - z)^(-a)
        double a = 2.7;
        double expected = Math.pow(1 - z, -a);
        assertThat(Hypergeometric2F1.value(a, 0.4, 0.4, z)).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void terminatesForANonPositiveIntegerParameter() {
        // 2F1(-2, b; c; z) = 1 - 2 b z / c + b (b + 1) z^2 / (c (c + 1))
        double b = 1.5;
        double c = 3.25;
        double z = 0.7;
        double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
        assertThat(Hypergeometric2F1.value(-2, b, c, z)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void obeysEulersTransformation() {
        // 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z), the identity BG/NBD relies on.
        double a = 5.243;
        double b = 7.426;
        double c = 8.219;
        double z = 0.6;
        double direct = Hypergeometric2F1.value(a, b, c, z);
        double transformed = Math.pow(1 - z, c - a - b) * Hypergeometric2F1.value(c - a, c - b, c, z);
        assertThat(transformed).isCloseTo(direct, within(1e-11 * direct));
    }

    @Test
    void zeroArgumentGivesOne() {
        assertThat(Hypergeometric2F1.value(3.1, -0.4, 2.2, 0)).isEqualTo(1.0);
    }

    @Test
    void rejectsArgumentsOutsideTheSeriesDomain() {
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, -1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, -3, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsNonConvergenceInsteadOfTruncating() {
        // z this close to 1 needs tens of millions of terms: an error, not a silently wrong number.
        assertThatThrownBy(() -> Hypergeometric2F1.value(1, 1, 2, 1 - 1e-9)).isInstanceOf(ArithmeticException.class);
    }
}
