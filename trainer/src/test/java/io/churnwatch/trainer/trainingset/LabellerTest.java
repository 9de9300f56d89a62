package io.churnwatch.trainer.trainingset;

import static io.churnwatch.trainer.synthetic.TestSnapshots.day;
import static io.churnwatch.trainer.synthetic.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabellerTest {

    private static final Instant C = day("2011-03-01");
    private static final Instant HORIZON = day("2011-05-30"); // C + 90 days
    private static final Instant FIRST = day("2010-06-10");
    private static final Instant LAST = day("2011-02-01");

    @Test
    void churnedMeansNoPurchaseOrderInTheWindowAndReturnsDoNotCount() {
        SnapshotIndex index = SnapshotIndex.of(List.of(
                snapshot("bought-again", C, 3, 0, FIRST, LAST),
                snapshot("bought-again", HORIZON, 4, 0, FIRST, day("2011-04-15")),
                snapshot("silent", C, 3, 0, FIRST, LAST),
                snapshot("silent", HORIZON, 3, 0, FIRST, LAST),
                snapshot("only-returned", C, 3, 0, FIRST, LAST),
                snapshot("only-returned", HORIZON, 3, 2, FIRST, LAST)));

        LabelledCutoff labelled = new Labeller(index, 90).label(C);

        assertThat(churnedById(labelled)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bought-again", false, "silent", true, "only-returned", true));
        assertThat(labelled.churned()).isEqualTo(2);
    }

    @Test
    void theRowIsTheSnapshotAtTheCutoffNotTheOneAtTheHorizon() {
        FeatureSnapshot atCutoff = snapshot("a", C, 3, 0, FIRST, LAST);
        SnapshotIndex index = SnapshotIndex.of(List.of(atCutoff, snapshot("a", HORIZON, 5, 1, FIRST, day("2011-05-01"))));

        LabelledRow row = new Labeller(index, 90).label(C).rows().get(0);

        assertThat(row.features()).isEqualTo(atCutoff.getFeatures());
        assertThat(row.cutoff()).isEqualTo(C);
    }

    @Test
    void anImmatureCutoffHasNoRows() {
        SnapshotIndex index = SnapshotIndex.of(List.of(snapshot("a", C, 3, 0, FIRST, LAST),
                snapshot("a", day("2011-04-01"), 3, 0, FIRST, LAST)));

        LabelledCutoff labelled = new Labeller(index, 90).label(C);

        assertThat(labelled.rows()).isEmpty();
        assertThat(index.maturedMonthlyCutoffs(90)).isEmpty();
    }

    @Test
    void aCustomerFirstSeenAfterTheCutoffIsNotARowThere() {
        Instant firstAfterCutoff = day("2011-03-20");
        SnapshotIndex index = SnapshotIndex.of(List.of(
                snapshot("old", C, 2, 0, FIRST, LAST),
                snapshot("old", HORIZON, 2, 0, FIRST, LAST),
                // Appears only at the horizon: acquired inside the window.
                snapshot("new", HORIZON, 1, 0, firstAfterCutoff, firstAfterCutoff),
                // A malformed snapshot at c whose first purchase lies after c must not become a row either.
                snapshot("malformed", C, 1, 0, firstAfterCutoff, firstAfterCutoff),
                snapshot("malformed", HORIZON, 1, 0, firstAfterCutoff, firstAfterCutoff)));

        LabelledCutoff labelled = new Labeller(index, 90).label(C);

        assertThat(churnedById(labelled)).containsOnlyKeys("old");
        assertThat(labelled.notYetCustomers()).isEqualTo(1);
    }

    @Test
    void aCustomerWithoutAHorizonSnapshotOrWithFewerOrdersLaterIsLeftOutAndCounted() {
        SnapshotIndex index = SnapshotIndex.of(List.of(
                snapshot("fine", C, 2, 0, FIRST, LAST),
                snapshot("fine", HORIZON, 2, 0, FIRST, LAST),
                snapshot("lost-partner", C, 2, 0, FIRST, LAST),
                snapshot("shrunk", C, 5, 0, FIRST, LAST),
                snapshot("shrunk", HORIZON, 4, 0, FIRST, LAST)));

        LabelledCutoff labelled = new Labeller(index, 90).label(C);

        assertThat(churnedById(labelled)).containsOnlyKeys("fine");
        assertThat(labelled.missingPartner()).isEqualTo(1);
        assertThat(labelled.inconsistent()).isEqualTo(1);
    }

    @Test
    void onlyFirstOfMonthCutoffsWhosePartnerExistsAreMatured() {
        SnapshotIndex index = SnapshotIndex.of(List.of(
                snapshot("a", C, 2, 0, FIRST, LAST),
                snapshot("a", HORIZON, 2, 0, FIRST, LAST),
                snapshot("a", day("2011-04-01"), 2, 0, FIRST, LAST)));

        assertThat(index.monthlyCutoffs()).containsExactly(C, day("2011-04-01"));
        assertThat(index.maturedMonthlyCutoffs(90)).containsExactly(C);
    }

    private static Map<String, Boolean> churnedById(LabelledCutoff labelled) {
        return labelled.rows().stream().collect(Collectors.toMap(LabelledRow::customerId, LabelledRow::churned));
    }
}
