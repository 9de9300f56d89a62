package io.churnwatch.trainer;

import io.churnwatch.trainer.churn.LabelledSet;
import io.churnwatch.trainer.trainingset.Cutoffs;
import io.churnwatch.trainer.trainingset.NotEnoughDataException;
import io.churnwatch.trainer.trainingset.TimeSplit;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Refuses to train when a set of the split has too few churned or retained customers to measure anything. */
final class DataSufficiency {

    private DataSufficiency() {
    }

    static void require(Sets sets, TimeSplit split, Map<Instant, String> skipped, int minPerClass, int matured)
            throws NotEnoughDataException {
        StringBuilder problems = new StringBuilder();
        check(problems, "the training cutoffs", sets.train(), minPerClass);
        check(problems, "the validation cutoff " + Cutoffs.date(split.validation()), sets.validation(), minPerClass);
        check(problems, "the test cutoff " + Cutoffs.date(split.test()), sets.test(), minPerClass);
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("Not enough labelled customers to train: ").append(problems)
                .append("each needs at least ").append(minPerClass).append(" churned and ").append(minPerClass)
                .append(" retained customers. ").append(matured).append(" matured cutoff(s) exist; more customers, "
                        + "or more matured cutoffs for the training set, are needed.");
        if (!skipped.isEmpty()) {
            message.append(" Cutoffs left out: ").append(skipped.entrySet().stream()
                    .map(e -> Cutoffs.date(e.getKey()) + " (" + e.getValue() + ")")
                    .collect(Collectors.joining("; "))).append(".");
        }
        throw new NotEnoughDataException(message.toString(), matured, Optional.empty());
    }

    private static void check(StringBuilder problems, String what, LabelledSet set, int minPerClass) {
        if (set.churned() < minPerClass || set.retained() < minPerClass) {
            problems.append(what).append(": ").append(set.churned()).append(" churned, ")
                    .append(set.retained()).append(" retained; ");
        }
    }
}
