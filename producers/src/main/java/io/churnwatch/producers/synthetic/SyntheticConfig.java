package io.churnwatch.producers.synthetic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Everything that shapes a synthetic data set. Same values, same events. The model, per customer:
 * <ul>
 *   <li>joins (first purchase) at a uniformly random time within the date range;</li>
 *   <li>buys again as a Poisson process with a rate drawn from Gamma({@code rateShape}, mean
 *       {@code meanPurchasesPerYear}), modulated by seasonality and the day of week;</li>
 *   <li>after each purchase drops out for good with a probability drawn from Beta({@code dropoutA},
 *       {@code dropoutB}) (the beta-geometric dropout of BG/NBD);</li>
 *   <li>is a heavy buyer with probability {@code heavyShare}: rate times {@code heavyRateFactor}, dropout times
 *       {@code heavyDropoutFactor}, baskets twice as large;</li>
 *   <li>returns part of a purchase with a probability drawn from Beta({@code returnA}, {@code returnB}), on average
 *       {@code meanReturnDelayDays} later;</li>
 *   <li>fills baskets of 1 + Poisson({@code meanBasketLines} - 1) lines from a catalogue of {@code skus} SKUs
 *       with Zipf({@code skuPopularityExponent}) popularity and log-normal prices.</li>
 * </ul>
 *
 * @param seasonPeak how much higher the purchase rate is at the late-November peak (1.0 = twice the base rate);
 *                   the bump is a bell curve about three weeks wide on either side of 21 November
 */
public record SyntheticConfig(long customers, LocalDate start, int days, long seed, ZoneId zone,
                              double meanPurchasesPerYear, double rateShape,
                              double dropoutA, double dropoutB,
                              double heavyShare, double heavyRateFactor, double heavyDropoutFactor,
                              double returnA, double returnB, double meanReturnDelayDays,
                              double seasonPeak, int skus, double skuPopularityExponent,
                              double meanBasketLines, long medianPricePence) {

    public static final long DEFAULT_CUSTOMERS = 10_000;
    public static final int DEFAULT_DAYS = 365;
    public static final long DEFAULT_SEED = 42;
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

    public SyntheticConfig {
        require(customers > 0 && customers <= Integer.MAX_VALUE, "customers must be between 1 and 2^31-1");
        require(days > 0, "days must be positive");
        require(meanPurchasesPerYear > 0 && rateShape > 0, "purchase rate parameters must be positive");
        require(dropoutA > 0 && dropoutB > 0 && returnA > 0 && returnB > 0, "beta parameters must be positive");
        require(heavyShare >= 0 && heavyShare <= 1, "heavyShare must be within [0, 1]");
        require(seasonPeak >= 0, "seasonPeak must not be negative");
        require(skus > 0 && meanBasketLines >= 1 && medianPricePence > 0, "catalogue parameters out of range");
    }

    /** The defaults: a gift wholesaler's year, loosely shaped after Online Retail II. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(DEFAULT_CUSTOMERS, DEFAULT_START, DEFAULT_DAYS, DEFAULT_SEED, ZoneOffset.UTC,
                6.0, 0.8,
                1.0, 3.0,
                0.02, 6.0, 0.3,
                1.0, 9.0, 14.0,
                1.0, 3_000, 1.1,
                8.0, 250);
    }

    public SyntheticConfig withCustomers(long value) {
        return new SyntheticConfig(value, start, days, seed, zone, meanPurchasesPerYear, rateShape, dropoutA, dropoutB,
                heavyShare, heavyRateFactor, heavyDropoutFactor, returnA, returnB, meanReturnDelayDays, seasonPeak,
                skus, skuPopularityExponent, meanBasketLines, medianPricePence);
    }

    public SyntheticConfig withDays(int value) {
        return new SyntheticConfig(customers, start, value, seed, zone, meanPurchasesPerYear, rateShape, dropoutA,
                dropoutB, heavyShare, heavyRateFactor, heavyDropoutFactor, returnA, returnB, meanReturnDelayDays,
                seasonPeak, skus, skuPopularityExponent, meanBasketLines, medianPricePence);
    }

    public SyntheticConfig withSeed(long value) {
        return new SyntheticConfig(customers, start, days, value, zone, meanPurchasesPerYear, rateShape, dropoutA,
                dropoutB, heavyShare, heavyRateFactor, heavyDropoutFactor, returnA, returnB, meanReturnDelayDays,
                seasonPeak, skus, skuPopularityExponent, meanBasketLines, medianPricePence);
    }

    public SyntheticConfig withStart(LocalDate value) {
        return new SyntheticConfig(customers, value, days, seed, zone, meanPurchasesPerYear, rateShape, dropoutA,
                dropoutB, heavyShare, heavyRateFactor, heavyDropoutFactor, returnA, returnB, meanReturnDelayDays,
                seasonPeak, skus, skuPopularityExponent, meanBasketLines, medianPricePence);
    }

    public SyntheticConfig withSeasonPeak(double value) {
        return new SyntheticConfig(customers, start, days, seed, zone, meanPurchasesPerYear, rateShape, dropoutA,
                dropoutB, heavyShare, heavyRateFactor, heavyDropoutFactor, returnA, returnB, meanReturnDelayDays,
                value, skus, skuPopularityExponent, meanBasketLines, medianPricePence);
    }

    /** Mean dropout probability after a purchase of an ordinary customer: a / (a + b). */
    public double meanDropout() {
        return dropoutA / (dropoutA + dropoutB);
    }

    /** Mean probability that a purchase is followed by a return: a / (a + b). */
    public double meanReturnPropensity() {
        return returnA / (returnA + returnB);
    }

    public long startMillis() {
        return start.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public long endMillis() {
        return start.plusDays(days).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
