package io.churnwatch.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.schemas.FeatureSnapshot;
import io.churnwatch.schemas.ModelRelease;
import io.churnwatch.schemas.SegmentCentroid;
import io.churnwatch.trainer.release.ReleaseSegments;
import io.churnwatch.trainer.segments.SegmentFeatures;
import io.churnwatch.trainer.config.TrainingSettings;
import io.churnwatch.trainer.segments.SegmentModel;
import io.churnwatch.trainer.segments.SegmentTrainingSettings;
import io.churnwatch.trainer.synthetic.SyntheticRetail;
import io.churnwatch.trainer.trainingset.SegmentInputs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Segment names survive a retrain: the second training takes its names from the current release, even names the
 * naming rule would never produce, and a customer keeps the same segment name under both releases.
 */
class SegmentNamesAcrossTrainingsTest {

    private static final Map<String, String> RENAME =
            Map.of("Champions", "Gold", "Loyal", "Silver", "At-Risk", "Bronze", "Lost", "Tin");

    private static final ModelRelease FIRST = renamed(trainFirst());

    @Test
    void aRetrainOnTheSameDataWithAnotherKMeansSeedKeepsNamesAndCustomers() throws Exception {
        TrainingSettings otherSeed = TrainerTest.settings()
                .withSegments(SegmentTrainingSettings.defaults().withSeed(2024L));
        ModelRelease second = TrainerTest.trainer(otherSeed).train(TrainerTest.SNAPSHOTS, Optional.of(FIRST)).release();

        assertThat(namesOf(second)).containsExactlyInAnyOrder("Gold", "Silver", "Bronze", "Tin");
        assertThat(agreement(FIRST, second, TrainerTest.SNAPSHOTS)).isGreaterThan(0.95);
    }

    @Test
    void aRetrainOnNewDataKeepsTheCurrentReleasesNames() throws Exception {
        // New data from the same kind of retailer (another seed), a month further on.
        List<FeatureSnapshot> later = SyntheticRetail.snapshots(SyntheticRetail.Settings.of(2000, 19, 12L));
        ModelRelease second = TrainerTest.trainer(TrainerTest.settings()).train(later, Optional.of(FIRST)).release();

        assertThat(namesOf(second)).containsExactlyInAnyOrder("Gold", "Silver", "Bronze", "Tin");
        // k-means on other customers finds somewhat other clusters, but each name stays with its kind of customer:
        // far above the about 0.3 that names shuffled at random would agree on.
        assertThat(agreement(FIRST, second, later)).isGreaterThan(0.6);
    }

    private static ModelRelease trainFirst() {
        try {
            return TrainerTest.trainer(TrainerTest.settings()).train(TrainerTest.SNAPSHOTS, Optional.empty()).release();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The release with names the naming rule would never produce, so that carrying them over is visible. */
    private static ModelRelease renamed(ModelRelease release) {
        return ModelRelease.newBuilder(release)
                .setSegments(release.getSegments().stream()
                        .map(s -> SegmentCentroid.newBuilder(s).setName(RENAME.get(s.getName())).build())
                        .toList())
                .build();
    }

    private static List<String> namesOf(ModelRelease release) {
        return release.getSegments().stream().map(SegmentCentroid::getName).toList();
    }

    /** Share of the customers at the second release's test cutoff that both releases give the same name. */
    private static double agreement(ModelRelease first, ModelRelease second, List<FeatureSnapshot> snapshots) {
        SegmentModel before = ReleaseSegments.of(first).orElseThrow();
        SegmentModel after = ReleaseSegments.of(second).orElseThrow();
        Instant testCutoff = second.getTestCutoff();
        List<SegmentFeatures> customers = snapshots.stream().filter(s -> s.getCutoff().equals(testCutoff))
                .map(s -> SegmentInputs.of(s.getFeatures())).toList();
        long same = customers.stream().filter(c -> before.assign(c).name().equals(after.assign(c).name())).count();
        return (double) same / customers.size();
    }
}
