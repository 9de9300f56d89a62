package io.churnwatch.producers.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MinorUnitsTest {

    @Test
    void convertsDecimalPoundsToPence() {
        assertThat(MinorUnits.parse("2.1", 2)).isEqualTo(210);
        assertThat(MinorUnits.parse("6.95", 2)).isEqualTo(695);
        assertThat(MinorUnits.parse("18", 2)).isEqualTo(1800);
        assertThat(MinorUnits.parse(" 0.55 ", 2)).isEqualTo(55);
    }

    @Test
    void roundsAThirdDecimalHalfUp() {
        assertThat(MinorUnits.parse("0.415", 2)).isEqualTo(42);
        assertThat(MinorUnits.parse("0.414", 2)).isEqualTo(41);
        assertThat(MinorUnits.parse("0.005", 2)).isEqualTo(1);
        assertThat(MinorUnits.parse("0.001", 2)).isZero();
        assertThat(MinorUnits.parse("-0.415", 2)).isEqualTo(-42);
    }

    @Test
    void respectsTheCurrencysDigits() {
        assertThat(MinorUnits.parse("1234.5", 0)).isEqualTo(1235);
        assertThat(MinorUnits.parse("1.2345", 3)).isEqualTo(1235);
    }

    @Test
    void dividesATotalIntoAUnitPriceHalfUp() {
        assertThat(MinorUnits.divide(1000, 3)).isEqualTo(333);
        assertThat(MinorUnits.divide(1001, 2)).isEqualTo(501);
        assertThat(MinorUnits.divide(1000, 1)).isEqualTo(1000);
    }

    @Test
    void rejectsTextThatIsNotANumber() {
        assertThatThrownBy(() -> MinorUnits.parse("£3", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> MinorUnits.parse("1e30", 2)).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void formatsMinorUnitsAsMajor() {
        assertThat(MinorUnits.format(123456, 2)).isEqualTo("1234.56");
        assertThat(MinorUnits.format(-5, 2)).isEqualTo("-0.05");
    }
}
