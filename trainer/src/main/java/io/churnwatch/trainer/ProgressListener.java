package io.churnwatch.trainer;

/**
 * Hears what a training run is doing, for people watching a long run. Implementations must be cheap: boosting
 * calls {@link #boostingRound} once per round.
 */
public interface ProgressListener {

    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void stage(String description) {
        }

        @Override
        public void step(String what, long done, long total) {
        }

        @Override
        public void boostingRound(String phase, int round, int maxRounds, double validationAuc,
                                  double validationLogLoss) {
        }
    };

    /** A new stage begins, e.g. "fitting BG/NBD" or "publishing". */
    void stage(String description);

    /** {@code done} of {@code total} units of {@code what}. */
    void step(String what, long done, long total);

    /** One boosting round; the validation figures are NaN when no validation set is watched (the refit). */
    void boostingRound(String phase, int round, int maxRounds, double validationAuc, double validationLogLoss);
}
