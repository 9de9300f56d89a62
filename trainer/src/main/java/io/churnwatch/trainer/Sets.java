package io.churnwatch.trainer;

import io.churnwatch.trainer.churn.LabelledSet;
import io.churnwatch.trainer.trainingset.LabelledRow;
import java.util.Set;
import java.util.stream.Collectors;

/** The four labelled sets of a run, by role in the time split. */
record Sets(LabelledSet train, LabelledSet validation, LabelledSet refit, LabelledSet test) {

    Set<String> testCustomers() {
        return test.rows().stream().map(LabelledRow::customerId).collect(Collectors.toSet());
    }
}
