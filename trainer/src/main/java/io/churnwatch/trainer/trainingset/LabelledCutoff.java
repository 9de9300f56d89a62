package io.churnwatch.trainer.trainingset;

import java.time.Instant;
import java.util.List;

/**
 * The labelled rows of one cutoff and the snapshots left out, by reason.
 *
 * @param notYetCustomers snapshots at the cutoff whose first purchase is missing or after it (not a row: the
 *                        stream should never emit these, a customer first seen after c has no snapshot at c)
 * @param missingPartner  customers with a snapshot at c but none at c + H, so no label
 * @param inconsistent    customers whose order count at c + H is below the one at c (different stream runs mixed)
 */
public record LabelledCutoff(Instant cutoff, List<LabelledRow> rows, int notYetCustomers, int missingPartner,
                             int inconsistent) {

    public LabelledCutoff {
        rows = List.copyOf(rows);
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
