package io.churnwatch.scoring.treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.schemas.TreatmentGroup;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutShareTest {

    @Test
    void anOperatorValueInZeroToOneIsUsedAndAnythingElseFallsBackToTheConfiguredShare() {
        HoldoutShare share = new HoldoutShare(0.1);
        assertThat(share.inForce(null)).isEqualTo(0.1);
        assertThat(share.inForce("0.25")).isEqualTo(0.25);
        assertThat(share.inForce(" 1 ")).isEqualTo(1.0);
        assertThat(share.inForce("0")).isEqualTo(0.0);
        for (String bad : List.of("", "lots", "NaN", "Infinity", "1.0001", "-0.5", "0,25")) {
            assertThat(share.inForce(bad)).as(bad).isEqualTo(0.1);
            assertThat(HoldoutShare.parse(bad)).as(bad).isEqualTo(OptionalDouble.empty());
        }
    }

    @Test
    void theWrittenTextParsesBackToTheSameShare() {
        for (double value : new double[] {0, 0.1, 0.25, 1.0 / 3, 1}) {
            assertThat(HoldoutShare.parse(HoldoutShare.format(value))).hasValue(value);
        }
        assertThatThrownBy(() -> HoldoutShare.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HoldoutShare(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void raisingTheShareOnlyMovesCustomersFromTreatmentToHoldout() {
        HoldoutAssignment holdout = new HoldoutAssignment(0.1, "churnwatch-holdout");
        List<String> ids = IntStream.range(0, 5_000).mapToObj(i -> "C" + i).toList();
        for (String id : ids) {
            if (holdout.groupOf(id) == TreatmentGroup.HOLDOUT) {
                assertThat(holdout.groupOf(id, 0.25)).as(id).isEqualTo(TreatmentGroup.HOLDOUT);
            }
        }
        long atQuarter = ids.stream().filter(id -> holdout.groupOf(id, 0.25) == TreatmentGroup.HOLDOUT).count();
        assertThat(atQuarter / 5_000.0).isBetween(0.22, 0.28);
    }
}
