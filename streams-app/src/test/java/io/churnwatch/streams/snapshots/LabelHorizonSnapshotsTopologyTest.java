package io.churnwatch.streams.snapshots;

import static io.churnwatch.streams.TestOrders.line;
import static io.churnwatch.streams.TestOrders.purchase;
import static io.churnwatch.streams.TestOrders.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.streams.TestSettings;
import io.churnwatch.streams.TopologyHarness;
import io.churnwatch.streams.TopologySettings;
import io.churnwatch.streams.features.CustomerFeaturesProcessor;

/** The snapshots at c + H that the trainer's churn label reads, through the real topology. */
class LabelHorizonSnapshotsTopologyTest {

    private static TopologySettings withNinetyDayHorizons() {
        TopologySettings settings = TestSettings.immediateWithoutTimers();
        return settings.withFeatures(settings.features().withCutoffs(LabelHorizonCutoffs.of(new MonthlyCutoffs(), 90)));
    }

    @Test
    void everyKnownCustomerIsSnapshottedNinetyDaysAfterEachCutoffWithThePurchasesUpToThen() {
        try (TopologyHarness app = new TopologyHarness(withNinetyDayHorizons())) {
            app.send(purchase("o1", "stays", "2011-08-10T10:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o2", "leaves", "2011-08-20T10:00:00Z", line("A", 1, 500)));
            app.send(purchase("o3", "stays", "2011-10-15T10:00:00Z", line("A", 2, 1000)));
            // A return is not a purchase: 'leaves' is still churned at the horizon.
            app.send(returned("r1", "leaves", "2011-11-02T10:00:00Z", line("A", 1, 500)));
            app.send(purchase("o4", "late", "2011-11-20T10:00:00Z", line("B", 1, 700)));
            app.send(purchase("o5", "stays", "2011-11-30T00:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o6", "flusher", "2011-12-05T00:00:00Z", line("F", 1, 1)));

            List<TestRecord<String, FeatureSnapshot>> snapshots = app.readSnapshots();
            assertThat(snapshots).extracting(TestRecord::key).doesNotHaveDuplicates();
            // The metric counts snapshots, not snapshot instants.
            assertThat(app.counter(CustomerFeaturesProcessor.SNAPSHOTS_METRIC)).isEqualTo(snapshots.size());
            Map<String, FeatureSnapshot> byKey = snapshots.stream()
                    .collect(Collectors.toMap(TestRecord::key, TestRecord::value));

            // The cutoff and its horizon, 2011-09-01 + 90 days = 2011-11-30.
            assertThat(byKey.get("stays|2011-09-01").getFeatures().getOrders()).isEqualTo(1);
            assertThat(byKey.get("leaves|2011-09-01").getFeatures().getOrders()).isEqualTo(1);
            FeatureSnapshot staysAtHorizon = byKey.get("stays|2011-11-30");
            assertThat(staysAtHorizon.getCutoff()).isEqualTo(Instant.parse("2011-11-30T00:00:00Z"));
            assertThat(staysAtHorizon.getFeatures().getAsOf()).isEqualTo(Instant.parse("2011-11-30T00:00:00Z"));
            // A purchase exactly at c + H is inside (c, c + H].
            assertThat(staysAtHorizon.getFeatures().getOrders()).isEqualTo(3);
            assertThat(byKey.get("leaves|2011-11-30").getFeatures().getOrders()).isEqualTo(1);
            assertThat(byKey.get("leaves|2011-11-30").getFeatures().getReturnOrders()).isEqualTo(1);
            // Every customer known at the horizon is in it, not only those of the cutoff.
            assertThat(byKey.get("late|2011-11-30").getFeatures().getOrders()).isEqualTo(1);

            // The merged schedule in order: cutoffs (1st of the month) and horizons (cutoff + 90 days).
            assertThat(snapshots).filteredOn(r -> r.value().getCustomerId().equals("stays"))
                    .extracting(TestRecord::key, r -> r.value().getFeatures().getOrders())
                    .containsExactly(
                            tuple("stays|2011-08-30", 1),   // 2011-06-01 + 90 days
                            tuple("stays|2011-09-01", 1),
                            tuple("stays|2011-09-29", 1),   // 2011-07-01 + 90 days
                            tuple("stays|2011-10-01", 1),
                            tuple("stays|2011-10-30", 2),   // 2011-08-01 + 90 days
                            tuple("stays|2011-11-01", 2),
                            tuple("stays|2011-11-30", 3),   // 2011-09-01 + 90 days
                            tuple("stays|2011-12-01", 3));
        }
    }

    @Test
    void aHorizonThatFallsOnACutoffIsSnapshottedOnce() {
        try (TopologyHarness app = new TopologyHarness(withNinetyDayHorizons())) {
            // 2010-12-01 + 90 days = 2011-03-01 (31 + 31 + 28 days), itself a monthly cutoff.
            app.send(purchase("o1", "c1", "2010-11-15T00:00:00Z", line("A", 1, 1000)));
            app.send(purchase("o2", "c1", "2011-03-05T00:00:00Z", line("A", 1, 1000)));

            assertThat(app.readSnapshots()).extracting(TestRecord::key)
                    .filteredOn(key -> key.endsWith("2011-03-01")).containsExactly("c1|2011-03-01");
        }
    }
}
