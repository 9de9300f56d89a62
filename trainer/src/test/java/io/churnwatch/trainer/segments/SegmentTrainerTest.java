package io.churnwatch.trainer.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SegmentTrainerTest {

    private final List<SyntheticCustomers.Labelled> customers = SyntheticCustomers.draw(2024L);
    private final SegmentTraining training = new SegmentTrainer(SegmentTrainingSettings.defaults())
            .train(SyntheticCustomers.features(customers), null);

    @Test
    void recoversTheArchetypesAndNamesThemByMeaning() {
        for (SyntheticCustomers.Labelled customer : customers) {
            assertThat(training.model().assign(customer.features()).name()).as("%s", customer.features())
                    .isEqualTo(customer.archetype());
        }
    }

    @Test
    void profilesDescribeEachSegmentInRawUnits() {
        Map<String, SegmentProfile> byName = training.profiles().stream()
                .collect(Collectors.toMap(SegmentProfile::name, Function.identity()));
        Map<String, Long> truth = customers.stream()
                .collect(Collectors.groupingBy(SyntheticCustomers.Labelled::archetype, Collectors.counting()));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("Champions", "Loyal", "At-Risk", "Lost");
        for (SegmentProfile profile : training.profiles()) {
            assertThat(profile.size()).isEqualTo(truth.get(profile.name()));
            assertThat(profile.share()).isCloseTo((double) truth.get(profile.name()) / customers.size(), within(1e-12));
        }
        assertThat(training.profiles().stream().mapToDouble(SegmentProfile::share).sum()).isCloseTo(1.0, within(1e-12));
        SegmentProfile champions = byName.get("Champions");
        SegmentProfile lost = byName.get("Lost");
        assertThat(champions.medianRecencyDays()).isBetween(2.0, 15.0);
        assertThat(champions.medianFrequency()).isBetween(15.0, 40.0);
        assertThat(lost.medianRecencyDays()).isBetween(400.0, 700.0);
        assertThat(lost.medianMonetary()).isBetween(20.0, 80.0);
        assertThat(byName.get("At-Risk").medianReturnRate()).isBetween(0.0, 0.1);
        // Profiles follow the segment order of the model.
        assertThat(training.profiles().stream().map(SegmentProfile::name).toList())
                .isEqualTo(training.model().names());
    }

    @Test
    void exportsWhatTheReleaseStores() {
        SegmentModel model = training.model();
        assertThat(model.featureNames()).containsExactly("log1p_recency_days", "log1p_frequency", "log1p_monetary",
                "return_rate");
        assertThat(model.scaleMeanAsList()).hasSize(4);
        assertThat(model.scaleStdAsList()).allSatisfy(std -> assertThat(std).isPositive());
        assertThat(model.segments()).hasSize(4);
        assertThat(model.segments().stream().mapToLong(Segment::size).sum()).isEqualTo(customers.size());
        // Centroids are stored in standardised space: the size-weighted mean of the centroids is the data mean, 0.
        for (int j = 0; j < 4; j++) {
            int dimension = j;
            double weighted = model.segments().stream()
                    .mapToDouble(s -> s.centroid()[dimension] * s.size()).sum() / customers.size();
            assertThat(weighted).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void modelRebuiltFromReleaseFieldsAssignsTheSame() {
        SegmentModel model = training.model();
        SegmentModel rebuilt = SegmentModel.fromRelease(model.featureNames(), model.scaleMeanAsList(),
                model.scaleStdAsList(), model.segments().stream()
                        .map(s -> new Segment(s.name(), s.centroidAsList().stream().mapToDouble(Double::doubleValue)
                                .toArray(), s.size())).toList());
        assertThat(rebuilt).isEqualTo(model);
        SegmentFeatures newChampion = new SegmentFeatures(4, 25, 5_000, 0.01);
        SegmentFeatures longGone = new SegmentFeatures(650, 1, 30, 0);
        assertThat(rebuilt.assign(newChampion).name()).isEqualTo("Champions");
        assertThat(rebuilt.assign(longGone).name()).isEqualTo("Lost");
    }

    @Test
    void isReproducibleForTheSameSeed() {
        SegmentTraining again = new SegmentTrainer(SegmentTrainingSettings.defaults())
                .train(SyntheticCustomers.features(customers), null);
        assertThat(again.model()).isEqualTo(training.model());
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new SegmentFeatures(-1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentFeatures(1, 1, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SegmentTrainer(SegmentTrainingSettings.defaults())
                .train(SyntheticCustomers.features(customers).subList(0, 3), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
