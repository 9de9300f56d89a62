package io.churnwatch.producers.synthetic;

import java.util.Arrays;

/**
 * The products customers pick from: {@code size} SKUs whose popularity follows Zipf's law (the rank-k SKU is
 * chosen with weight 1/k^s) and whose prices are log-normal around a median, rounded to 5 pence as shop prices
 * are. Which SKU code gets which rank is shuffled, so popularity does not follow the code order.
 */
final class SkuCatalogue {

    private static final double PRICE_SIGMA = 0.8;
    private static final long PRICE_STEP_PENCE = 5;

    private final String[] codes;
    private final long[] pricePence;
    private final double[] cumulative;

    SkuCatalogue(int size, double exponent, long medianPricePence, long seed) {
        SplitMix64 rng = SplitMix64.forStream(seed, 0x5ca7a1091eL, 0);
        codes = new String[size];
        pricePence = new long[size];
        int[] rankToSku = shuffledIdentity(size, rng);
        cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            total += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
        }
        for (int rank = 0; rank < size; rank++) {
            codes[rank] = String.format("SYN%05d", rankToSku[rank]);
            double price = medianPricePence * Math.exp(PRICE_SIGMA * Distributions.normal(rng));
            pricePence[rank] = Math.max(PRICE_STEP_PENCE, Math.round(price / PRICE_STEP_PENCE) * PRICE_STEP_PENCE);
        }
    }

    int size() {
        return codes.length;
    }

    /** A SKU index (its popularity rank) drawn by popularity. */
    int pick(SplitMix64 rng) {
        int at = Arrays.binarySearch(cumulative, rng.nextDouble());
        int rank = at >= 0 ? at + 1 : -at - 1;
        return Math.min(rank, codes.length - 1);
    }

    String code(int rank) {
        return codes[rank];
    }

    long pricePence(int rank) {
        return pricePence[rank];
    }

    private static int[] shuffledIdentity(int size, SplitMix64 rng) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i + 1;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
        return values;
    }
}
