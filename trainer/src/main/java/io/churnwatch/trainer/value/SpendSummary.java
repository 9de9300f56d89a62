package io.churnwatch.trainer.value;

/**
 * One customer's spend as the Gamma-Gamma model sees it.
 *
 * @param frequency       repeat purchases {@code x} (the same count as {@link RfmSummary#frequency()})
 * @param meanRepeatValue {@code m}: mean value of those repeat purchases; ignored (and may be 0) when {@code x = 0}
 */
public record SpendSummary(double frequency, double meanRepeatValue) {

    public SpendSummary {
        if (!(frequency >= 0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("frequency x must be a finite number >= 0, got " + frequency);
        }
        if (frequency > 0 && !(meanRepeatValue > 0 && Double.isFinite(meanRepeatValue))) {
            throw new IllegalArgumentException("mean repeat value m must be finite and > 0 when x > 0, got "
                    + meanRepeatValue);
        }
    }

    /** Gamma-Gamma learns only from customers with at least one repeat purchase. */
    public boolean hasRepeatPurchases() {
        return frequency > 0;
    }
}
