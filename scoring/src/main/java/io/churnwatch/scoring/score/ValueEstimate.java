package io.churnwatch.scoring.score;

/** Expected purchases and revenue (minor units) over the value horizon; both null for a customer without purchases. */
record ValueEstimate(Double expectedPurchases, Long expectedValueMinor) {

    static final ValueEstimate NONE = new ValueEstimate(null, null);
}
