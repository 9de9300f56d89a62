package io.churnwatch.trainer.trainingset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which cutoffs train, stop early, test and go into the released model.
 *
 * @param train      cutoffs the early-stopping model learns from: {@code c + H <= validation}
 * @param validation the cutoff whose AUC decides the number of boosting rounds
 * @param test       the latest matured cutoff: every contender is measured on it
 * @param refit      cutoffs the released model learns from: {@code c + H <= test} (train, validation and the
 *                   cutoffs in between)
 */
public record TimeSplit(List<Instant> train, Instant validation, Instant test, List<Instant> refit, int horizonDays) {

    public TimeSplit {
        train = List.copyOf(train);
        refit = List.copyOf(refit);
    }

    /** The split in words, for reports and logs. */
    public String describe() {
        return String.format(Locale.ROOT, "train on %s (each label window ends by the validation cutoff), stop early "
                        + "on %s (its window ends by the test cutoff), test on %s; the released model is refitted on %s "
                        + "(every cutoff whose %d-day label window ends by the test cutoff).",
                dates(train), Cutoffs.date(validation), Cutoffs.date(test), dates(refit), horizonDays);
    }

    private static String dates(List<Instant> cutoffs) {
        return cutoffs.stream().map(Cutoffs::date).collect(Collectors.joining(", ", "[", "]"));
    }
}
