package io.churnwatch.scoring.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.churnwatch.schemas.TreatmentGroup;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutAssignmentTest {

    private static final List<String> IDS = IntStream.range(0, 10_000).mapToObj(i -> "C" + (12346 + i)).toList();

    @Test
    void theShareOfTenThousandIdsIsWithinSamplingError() {
        HoldoutAssignment holdout = new HoldoutAssignment(0.10, "churnwatch-holdout");
        long held = IDS.stream().filter(id -> holdout.groupOf(id) == TreatmentGroup.HOLDOUT).count();
        // Binomial standard deviation sqrt(0.1 * 0.9 / 10000) = 0.003: five of them.
        assertThat(held / 10_000.0).isCloseTo(0.10, within(0.015));
    }

    @Test
    void theGroupIsAFunctionOfTheIdAlone() {
        List<TreatmentGroup> first = IDS.stream().map(new HoldoutAssignment(0.1, "s")::groupOf).toList();
        List<TreatmentGroup> second = IDS.stream().map(new HoldoutAssignment(0.1, "s")::groupOf).toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aLargerShareKeepsEveryoneAlreadyHeldOut() {
        HoldoutAssignment small = new HoldoutAssignment(0.05, "s");
        HoldoutAssignment large = new HoldoutAssignment(0.20, "s");
        assertThat(IDS).filteredOn(id -> small.groupOf(id) == TreatmentGroup.HOLDOUT)
                .allMatch(id -> large.groupOf(id) == TreatmentGroup.HOLDOUT);
    }

    @Test
    void anotherSaltDrawsAnotherGroup() {
        HoldoutAssignment one = new HoldoutAssignment(0.1, "one");
        HoldoutAssignment two = new HoldoutAssignment(0.1, "two");
        long differ = IDS.stream().filter(id -> one.groupOf(id) != two.groupOf(id)).count();
        // Independent draws disagree on about 2 x 0.1 x 0.9 = 18% of ids.
        assertThat(differ / 10_000.0).isCloseTo(0.18, within(0.03));
    }

    @Test
    void sharesZeroAndOne() {
        assertThat(IDS).allMatch(id -> new HoldoutAssignment(0, "s").groupOf(id) == TreatmentGroup.TREATMENT);
        assertThat(IDS).allMatch(id -> new HoldoutAssignment(1, "s").groupOf(id) == TreatmentGroup.HOLDOUT);
    }

    @Test
    void fractionsAreUniform() {
        HoldoutAssignment holdout = new HoldoutAssignment(0.1, "s");
        int[] deciles = new int[10];
        IDS.forEach(id -> deciles[(int) (holdout.fraction(id) * 10)]++);
        for (int count : deciles) {
            assertThat(count).isBetween(850, 1150);
        }
    }
}
