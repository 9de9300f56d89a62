package io.churnwatch.trainer.churn;

import io.churnwatch.trainer.trainingset.LabelledCutoff;
import io.churnwatch.trainer.trainingset.LabelledRow;
import java.util.List;

/**
 * Labelled rows of some cutoffs and their feature matrix (row {@code i} of the matrix is {@code rows.get(i)}).
 *
 * @param cutoffs the cutoffs included, with their counts
 */
public record LabelledSet(List<LabelledRow> rows, FeatureMatrix matrix, List<LabelledCutoff> cutoffs) {

    public LabelledSet {
        rows = List.copyOf(rows);
        cutoffs = List.copyOf(cutoffs);
        if (rows.size() != matrix.rows()) {
            throw new IllegalArgumentException(rows.size() + " rows but a matrix of " + matrix.rows());
        }
    }

    public long churned() {
        return rows.stream().filter(LabelledRow::churned).count();
    }

    public long retained() {
        return rows.size() - churned();
    }

    public double churnRate() {
        return rows.isEmpty() ? Double.NaN : (double) churned() / rows.size();
    }
}
