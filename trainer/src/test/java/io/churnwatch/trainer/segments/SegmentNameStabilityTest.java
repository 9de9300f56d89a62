package io.churnwatch.trainer.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Names survive a retrain on different data and a different cluster order. */
class SegmentNameStabilityTest {

    private final List<SyntheticCustomers.Labelled> original = SyntheticCustomers.draw(7L);
    private final SegmentTrainer trainer = new SegmentTrainer(SegmentTrainingSettings.defaults());
    private final SegmentModel first = trainer.train(SyntheticCustomers.features(original), null).model();

    @Test
    void retrainOnABootstrapResampleKeepsEveryName() {
        List<SyntheticCustomers.Labelled> resample = SyntheticCustomers.bootstrap(original, 99L);
        SegmentTrainer otherSeed = new SegmentTrainer(SegmentTrainingSettings.defaults().withSeed(1234L));

        SegmentModel unguided = otherSeed.train(SyntheticCustomers.features(resample), null).model();
        SegmentModel second = otherSeed.train(SyntheticCustomers.features(resample), first).model();

        // The retrain really did come back in another cluster order (otherwise this test would prove little)...
        assertThat(centroidOrderOf(second, first)).isNotEqualTo(List.of(0, 1, 2, 3));
        // ...and yet every segment kept its name: the same customers end up under the same names.
        assertThat(second.names()).containsExactlyInAnyOrderElementsOf(first.names());
        for (SyntheticCustomers.Labelled customer : original) {
            assertThat(second.assign(customer.features()).name()).isEqualTo(first.assign(customer.features()).name());
        }
        assertThat(unguided.names()).isEqualTo(second.names());
    }

    @Test
    void namesComeFromThePreviousReleaseNotFromTheRule() {
        // A previous release whose (hand-chosen) names the rule would never produce.
        Map<String, String> rename = Map.of("Champions", "Gold", "Loyal", "Silver", "At-Risk", "Bronze", "Lost", "Tin");
        List<Segment> renamed = first.segments().stream()
                .map(s -> new Segment(rename.get(s.name()), s.centroid(), s.size())).toList();
        SegmentModel previous = new SegmentModel(first.featureNames(), first.scale(), reversed(renamed));

        List<SyntheticCustomers.Labelled> resample = SyntheticCustomers.bootstrap(original, 5L);
        SegmentModel next = trainer.train(SyntheticCustomers.features(resample), previous).model();

        for (SyntheticCustomers.Labelled customer : resample) {
            assertThat(next.assign(customer.features()).name()).isEqualTo(rename.get(customer.archetype()));
        }
    }

    @Test
    void anExtraSegmentGetsAFreshUniqueNameWhileTheOthersKeepTheirs() {
        SegmentTrainer fiveWay = new SegmentTrainer(SegmentTrainingSettings.defaults().withK(5));
        SegmentModel five = fiveWay.train(SyntheticCustomers.features(original), first).model();

        List<String> names = five.names();
        assertThat(names).doesNotHaveDuplicates().hasSize(5).containsAll(first.names());
        // The fifth segment splits one archetype; every archetype keeps its old name for a good part of it.
        Map<String, Long> size = original.stream()
                .collect(Collectors.groupingBy(SyntheticCustomers.Labelled::archetype, Collectors.counting()));
        Map<String, Long> kept = original.stream()
                .filter(c -> five.assign(c.features()).name().equals(c.archetype()))
                .collect(Collectors.groupingBy(SyntheticCustomers.Labelled::archetype, Collectors.counting()));
        for (String name : first.names()) {
            assertThat(kept.getOrDefault(name, 0L)).as(name).isGreaterThan(size.get(name) * 3 / 10);
        }
    }

    @Test
    void changedFeaturesMeanFreshNames() {
        SegmentModel foreign = new SegmentModel(List.of("a", "b", "c", "d"), first.scale(),
                first.segments().stream().map(s -> new Segment("Old " + s.name(), s.centroid(), s.size())).toList());
        SegmentModel next = trainer.train(SyntheticCustomers.features(original), foreign).model();
        assertThat(next.names()).containsExactlyInAnyOrder("Champions", "Loyal", "At-Risk", "Lost");
    }

    /** For each segment of {@code model}, the index of the segment with the same name in {@code reference}. */
    private static List<Integer> centroidOrderOf(SegmentModel model, SegmentModel reference) {
        return model.names().stream().map(reference.names()::indexOf).toList();
    }

    private static List<Segment> reversed(List<Segment> segments) {
        List<Segment> copy = new ArrayList<>(segments);
        Collections.reverse(copy);
        return copy;
    }
}
