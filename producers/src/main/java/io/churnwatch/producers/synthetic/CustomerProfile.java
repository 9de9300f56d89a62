package io.churnwatch.producers.synthetic;

/**
 * A synthetic customer's fixed traits. Derived afresh from (seed, customer index) whenever needed instead of
 * stored, so millions of customers cost only their random-stream state.
 *
 * @param ratePerDay        purchases per day at the base season level
 * @param dropout           probability of leaving for good after each purchase
 * @param returnPropensity  probability that a purchase is partly returned
 * @param joinMillis        time of the first purchase
 */
record CustomerProfile(int index, boolean heavy, double ratePerDay, double dropout, double returnPropensity,
                       double meanBasketLines, String country, long joinMillis) {

    private static final long PROFILE_STREAM = 0xc0ffeeL;
    private static final String[] OTHER_COUNTRIES = {"Germany", "France", "EIRE", "Netherlands", "Spain", "Belgium",
        "Switzerland", "Portugal", "Australia", "Norway"};
    private static final double HOME_SHARE = 0.88;
    private static final int ID_DIGITS = 7;

    static CustomerProfile of(SyntheticConfig config, int index) {
        SplitMix64 rng = SplitMix64.forStream(config.seed(), PROFILE_STREAM, index);
        boolean heavy = Distributions.bernoulli(rng, config.heavyShare());
        double meanRatePerDay = config.meanPurchasesPerYear() / 365.0;
        double rate = Distributions.gamma(rng, config.rateShape()) / config.rateShape() * meanRatePerDay;
        double dropout = Distributions.beta(rng, config.dropoutA(), config.dropoutB());
        double returns = Distributions.beta(rng, config.returnA(), config.returnB());
        double basket = config.meanBasketLines();
        if (heavy) {
            rate *= config.heavyRateFactor();
            dropout *= config.heavyDropoutFactor();
            basket *= 2;
        }
        String country = rng.nextDouble() < HOME_SHARE ? "United Kingdom"
                : OTHER_COUNTRIES[rng.nextInt(OTHER_COUNTRIES.length)];
        long join = config.startMillis() + (long) (rng.nextDouble() * (config.endMillis() - config.startMillis()));
        return new CustomerProfile(index, heavy, rate, dropout, returns, basket, country, join);
    }

    /** Customer ids are "S" and a zero-padded number, so they never collide with Online Retail's integer ids. */
    String customerId() {
        String number = Integer.toString(index + 1);
        return number.length() >= ID_DIGITS ? "S" + number : "S" + "0".repeat(ID_DIGITS - number.length()) + number;
    }
}
