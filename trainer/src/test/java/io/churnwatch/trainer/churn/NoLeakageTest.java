package io.churnwatch.trainer.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.CustomerFeatures;
import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.Labeller;
import io.churnwatch.trainer.trainingset.LabelledRow;
import io.churnwatch.trainer.trainingset.PointInTimeValueModels;
import io.churnwatch.trainer.trainingset.SnapshotIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Nothing after a cutoff reaches the features of its rows: rewrite every snapshot after the cutoff (the
 * label-horizon partners and every later cutoff) with random values, and the feature matrix of that cutoff,
 * BG/NBD outputs included, stays bit for bit the same, while the labels move.
 */
class NoLeakageTest {

    private static final int H = 90;

    @Test
    void rewritingEverythingAfterTheCutoffChangesLabelsButNoFeature() {
        List<FeatureSnapshot> original = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(600, 14, 5L));
        SnapshotIndex originalIndex = SnapshotIndex.of(original);
        Instant cutoff = originalIndex.maturedMonthlyCutoffs(H).get(6);

        List<FeatureSnapshot> perturbed = perturbAfter(original, cutoff, new SplittableRandom(99));

        LabelledSet before = dataset(originalIndex, cutoff);
        LabelledSet after = dataset(SnapshotIndex.of(perturbed), cutoff);

        assertThat(after.rows().stream().map(LabelledRow::customerId).toList())
                .isEqualTo(before.rows().stream().map(LabelledRow::customerId).toList());
        assertThat(after.matrix().values()).isEqualTo(before.matrix().values());
        assertThat(after.matrix().labels()).isNotEqualTo(before.matrix().labels());
        // The BG/NBD columns are real numbers, so the point-in-time fit was part of what stayed unchanged.
        int column = before.matrix().featureNames().indexOf(ChurnFeature.BGNBD_NO_PURCHASE.featureName());
        assertThat(before.matrix().values()[column]).isBetween(0f, 1f);
    }

    private static LabelledSet dataset(SnapshotIndex index, Instant cutoff) {
        return new ChurnDatasets(new Labeller(index, H), new PointInTimeValueModels(index, 20_000),
                FeatureVectorizer.all()).build(List.of(cutoff));
    }

    /**
     * Every snapshot after {@code cutoff} gets random features, except that the purchase count never falls below the
     * one at the cutoff (a stream cannot un-count an order): it stays or grows at random, so labels flip.
     */
    private static List<FeatureSnapshot> perturbAfter(List<FeatureSnapshot> snapshots, Instant cutoff,
                                                      SplittableRandom random) {
        Map<String, Integer> ordersAtCutoff = new HashMap<>();
        snapshots.stream().filter(s -> s.getCutoff().equals(cutoff))
                .forEach(s -> ordersAtCutoff.put(s.getCustomerId(), s.getFeatures().getOrders()));
        List<FeatureSnapshot> result = new ArrayList<>();
        for (FeatureSnapshot snapshot : snapshots) {
            if (!snapshot.getCutoff().isAfter(cutoff)) {
                result.add(snapshot);
                continue;
            }
            int base = ordersAtCutoff.getOrDefault(snapshot.getCustomerId(), 1);
            CustomerFeatures scrambled = CustomerFeatures.newBuilder(snapshot.getFeatures())
                    .setOrders(base + random.nextInt(2))
                    .setReturnOrders(random.nextInt(5))
                    .setRecencyDays(random.nextDouble() * 400)
                    .setTenureDays(random.nextDouble() * 800)
                    .setGrossRevenueMinor(random.nextLong(1_000_000))
                    .setReturnedValueMinor(random.nextLong(10_000))
                    .setReturnRateOrders(random.nextDouble())
                    .setAvgOrderValueMinor(random.nextLong(50_000))
                    .setItemsPerOrder(random.nextDouble() * 10)
                    .setInterPurchaseDaysMean(random.nextDouble() * 100)
                    .setRevenue90dMinor(random.nextLong(100_000))
                    .setOrders90d(random.nextInt(10))
                    .setDistinctProducts(random.nextInt(100))
                    .build();
            result.add(FeatureSnapshot.newBuilder(snapshot).setFeatures(scrambled).build());
        }
        return result;
    }
}
