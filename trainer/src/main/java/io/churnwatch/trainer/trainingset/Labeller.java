package io.churnwatch.trainer.trainingset;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Labels the customers of a monthly cutoff from the snapshot at its label horizon.
 *
 * <p>A row at cutoff {@code c} is the customer's snapshot at {@code c}, untouched: nothing after {@code c} enters
 * it. The only thing read from after {@code c} is the label, and only through one number: the customer is
 * <b>churned</b> iff the count of purchase orders at {@code c + H} equals the count at {@code c}, i.e. no purchase
 * in {@code (c, c + H]}. Returns are counted separately ({@code returnOrders}), so a customer who only returned
 * something in the window is still churned.
 */
public final class Labeller {

    private final SnapshotIndex index;
    private final int horizonDays;

    public Labeller(SnapshotIndex index, int horizonDays) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the horizon must be at least one day, got " + horizonDays);
        }
        this.index = index;
        this.horizonDays = horizonDays;
    }

    /** The labelled rows of {@code cutoff}, sorted by customer id; empty when the cutoff is not matured. */
    public LabelledCutoff label(Instant cutoff) {
        Instant horizon = Cutoffs.labelEnd(cutoff, horizonDays);
        List<LabelledRow> rows = new ArrayList<>();
        if (!index.hasCutoff(horizon)) {
            return new LabelledCutoff(cutoff, rows, 0, index.at(cutoff).size(), 0);
        }
        int notYetCustomers = 0;
        int missingPartner = 0;
        int inconsistent = 0;
        for (FeatureSnapshot snapshot : index.at(cutoff)) {
            CustomerFeatures features = snapshot.getFeatures();
            if (!isCustomerAt(features, cutoff)) {
                notYetCustomers++;
                continue;
            }
            Optional<FeatureSnapshot> partner = index.get(snapshot.getCustomerId(), horizon);
            if (partner.isEmpty()) {
                missingPartner++;
                continue;
            }
            int ordersAfter = partner.get().getFeatures().getOrders();
            if (ordersAfter < features.getOrders()) {
                inconsistent++;
                continue;
            }
            rows.add(new LabelledRow(snapshot.getCustomerId(), cutoff, features, ordersAfter == features.getOrders()));
        }
        rows.sort(Comparator.comparing(LabelledRow::customerId));
        return new LabelledCutoff(cutoff, rows, notYetCustomers, missingPartner, inconsistent);
    }

    /** A customer at {@code c}: at least one purchase, the first at or before {@code c}. */
    static boolean isCustomerAt(CustomerFeatures features, Instant cutoff) {
        Instant first = features.getFirstPurchaseTime();
        return first != null && !first.isAfter(cutoff) && features.getOrders() > 0
                && features.getLastPurchaseTime() != null && !features.getLastPurchaseTime().isAfter(cutoff);
    }

    public int horizonDays() {
        return horizonDays;
    }
}
