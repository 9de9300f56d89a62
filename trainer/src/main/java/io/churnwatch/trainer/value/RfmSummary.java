package io.churnwatch.trainer.value;

/**
 * One customer's purchase history as the BG/NBD model sees it, measured from the customer's first purchase.
 *
 * @param frequency repeat purchases {@code x}: purchases after the first one (the first is not counted)
 * @param recency   {@code t_x}: time from the first purchase to the last one; 0 when {@code x = 0}
 * @param age       {@code T}: time from the first purchase to the end of the observation (the cutoff)
 */
public record RfmSummary(double frequency, double recency, double age) {

    public RfmSummary {
        validate(frequency, recency, age);
    }

    /** Shared by every method that takes (x, t_x, T) as loose numbers, so all reject the same inputs. */
    static void validate(double frequency, double recency, double age) {
        if (!(frequency >= 0) || Double.isInfinite(frequency)) {
            throw new IllegalArgumentException("frequency x must be a finite number >= 0, got " + frequency);
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw new IllegalArgumentException("age T must be a finite number >= 0, got " + age);
        }
        if (!(recency >= 0) || recency > age) {
            throw new IllegalArgumentException("recency t_x must lie in [0, T=" + age + "], got " + recency);
        }
        if (frequency == 0 && recency != 0) {
            throw new IllegalArgumentException("a customer without repeat purchases (x = 0) must have t_x = 0, got "
                    + recency);
        }
    }
}
