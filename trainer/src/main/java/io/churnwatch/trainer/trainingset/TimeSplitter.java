package io.churnwatch.trainer.trainingset;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Splits matured cutoffs by time, with an embargo.
 *
 * <p>Test cutoff = the latest matured cutoff. Validation cutoff = the latest matured cutoff whose own label window
 * {@code (v, v + H]} ends by the test cutoff. Training cutoffs = those whose label window ends by the validation
 * cutoff. Why the embargo: a training cutoff whose window reaches past the validation cutoff shares customers and
 * outcomes with it (a customer who bought nothing in between has the same features at both and the same label),
 * so early stopping would reward memorising and never stop. The released model is refitted on every cutoff whose
 * window ends by the test cutoff, with the number of rounds early stopping found; the test cutoff itself stays
 * out of every fit, so its figures are honest.
 */
public final class TimeSplitter {

    private TimeSplitter() {
    }

    public static TimeSplit split(SnapshotIndex index, int horizonDays) throws NotEnoughDataException {
        List<Instant> matured = index.maturedMonthlyCutoffs(horizonDays);
        if (matured.isEmpty()) {
            throw notEnough(index, matured, horizonDays);
        }
        Instant test = matured.get(matured.size() - 1);
        Optional<Instant> validation = latestEndingBy(matured, test, horizonDays);
        if (validation.isEmpty()) {
            throw notEnough(index, matured, horizonDays);
        }
        List<Instant> train = endingBy(matured, validation.get(), horizonDays);
        if (train.isEmpty()) {
            throw notEnough(index, matured, horizonDays);
        }
        return new TimeSplit(train, validation.get(), test, endingBy(matured, test, horizonDays), horizonDays);
    }

    private static Optional<Instant> latestEndingBy(List<Instant> cutoffs, Instant bound, int horizonDays) {
        List<Instant> candidates = endingBy(cutoffs, bound, horizonDays);
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1));
    }

    /** Cutoffs whose label window {@code (c, c + H]} ends at or before {@code bound}. */
    private static List<Instant> endingBy(List<Instant> cutoffs, Instant bound, int horizonDays) {
        return cutoffs.stream().filter(c -> !Cutoffs.labelEnd(c, horizonDays).isAfter(bound)).toList();
    }

    private static NotEnoughDataException notEnough(SnapshotIndex index, List<Instant> matured, int horizonDays) {
        StringBuilder message = new StringBuilder();
        message.append("Not enough matured data to train. ");
        if (index.isEmpty()) {
            message.append("There are no feature snapshots yet: is the streams app running, and has its event time "
                    + "passed a first monthly cutoff? ");
        } else {
            message.append(matured.size()).append(" matured monthly cutoff(s)");
            if (!matured.isEmpty()) {
                message.append(" (").append(matured.stream().map(Cutoffs::date).collect(Collectors.joining(", ")))
                        .append(")");
            }
            message.append(" among ").append(index.monthlyCutoffs().size()).append(" monthly cutoff(s); a cutoff is "
                    + "matured once the stream has passed it by ").append(horizonDays).append(" days. ");
        }
        message.append("Training needs at least 3 matured cutoffs: a training cutoff c1, a validation cutoff c2 with "
                + "c1 + ").append(horizonDays).append("d <= c2, and a test cutoff c3 with c2 + ").append(horizonDays)
                .append("d <= c3, the stream past c3 + ").append(horizonDays).append("d. ");
        Optional<Instant> enoughAt = index.earliestMonthly().map(first -> {
            Instant c2 = Cutoffs.monthlyAtOrAfter(Cutoffs.labelEnd(first, horizonDays));
            Instant c3 = Cutoffs.monthlyAtOrAfter(Cutoffs.labelEnd(c2, horizonDays));
            return Cutoffs.labelEnd(c3, horizonDays);
        });
        enoughAt.ifPresent(at -> {
            message.append("The first monthly cutoff is ").append(Cutoffs.date(index.earliestMonthly().orElseThrow()))
                    .append(" and the latest snapshot ").append(Cutoffs.date(index.latest().orElseThrow()))
                    .append("; the stream will have enough once its event time passes ").append(Cutoffs.date(at));
            double daysToGo = Cutoffs.daysBetween(index.latest().orElseThrow(), at);
            if (daysToGo > 0) {
                message.append(String.format(Locale.ROOT, " (%.0f more days of event time).", daysToGo));
            } else {
                message.append(", which it has: some monthly or label-horizon snapshots are missing from the topic "
                        + "(was the stream's horizon set to ").append(horizonDays).append(" days?).");
            }
        });
        return new NotEnoughDataException(message.toString().trim(), matured.size(), enoughAt);
    }
}
