package io.churnwatch.scoring.reasons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void writesWhatTheFormatterWroteForWholeMinorUnits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            long minor = random.nextLong(0, i % 2 == 0 ? 100_000 : 1_000_000_000_000L);
            String expected = "£" + String.format(Locale.UK, "%,.2f", minor / 100.0);
            assertThat(Money.format(minor, "GBP")).as("%d pence", minor).isEqualTo(expected);
        }
    }

    @Test
    void roundsFractionsOfAMinorUnitHalfUp() {
        assertThat(Money.format(1234.5, "GBP")).isEqualTo("£12.35");
        assertThat(Money.format(1234.49, "GBP")).isEqualTo("£12.34");
        assertThat(Money.format(99_999.6, "USD")).isEqualTo("$1,000.00");
    }

    @Test
    void signComesBeforeTheSymbolAndZeroHasNone() {
        assertThat(Money.format(-320, "GBP")).isEqualTo("-£3.20");
        assertThat(Money.format(-0.3, "GBP")).isEqualTo("£0.00");
    }

    @Test
    void fractionDigitsFollowTheCurrency() {
        assertThat(Money.format(1_234_567, "JPY")).isEqualTo("JPY 1,234,567");
        assertThat(Money.format(1_234_567, "BHD")).isEqualTo("BHD 1,234.567");
        assertThat(Money.format(5, "EUR")).isEqualTo("€0.05");
        assertThat(Money.format(5, null)).isEqualTo("0.05");
        assertThat(Money.format(5, "not a currency")).isEqualTo("not a currency 0.05");
    }
}
