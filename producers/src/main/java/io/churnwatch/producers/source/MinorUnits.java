package io.churnwatch.producers.source;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money as a whole number of minor units (pence, cents). Decimal text with more fraction digits than the currency
 * has (Online Retail prices have up to three: 0.415) is rounded half-up, i.e. a half goes away from zero:
 * 0.415 → 42 pence, 0.414 → 41, -0.415 → -42. Amounts are not re-rounded later, so a line's value is exactly
 * quantity × rounded unit price.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /**
     * @param text           a decimal number such as {@code 2.1}, {@code 0.415}, {@code -3}, {@code 1e2}
     * @param fractionDigits the currency's minor-unit digits (2 for GBP, 0 for JPY)
     * @throws NumberFormatException if the text is not a number or does not fit a long
     */
    public static long parse(String text, int fractionDigits) {
        BigDecimal value = new BigDecimal(text.trim());
        return toMinor(value, fractionDigits);
    }

    public static long toMinor(BigDecimal value, int fractionDigits) {
        try {
            return value.setScale(fractionDigits, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException("amount out of range: " + value.toPlainString());
        }
    }

    /** A minor-unit amount divided by a quantity, rounded half-up: the unit price of a line given its total. */
    public static long divide(long totalMinor, int quantity) {
        return BigDecimal.valueOf(totalMinor)
                .divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Formats minor units as a decimal in major units, e.g. 123456 with 2 digits → "1234.56". */
    public static String format(long minor, int fractionDigits) {
        return BigDecimal.valueOf(minor, fractionDigits).toPlainString();
    }
}
