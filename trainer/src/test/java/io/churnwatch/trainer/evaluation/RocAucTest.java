package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void handComputedCase() {
        // Pairs (churner, non-churner): (0.35, 0.1) win, (0.35, 0.4) loss, (0.8, 0.1) win, (0.8, 0.4) win: 3/4.
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        boolean[] churned = {false, false, true, true};
        assertThat(RocAuc.of(scores, churned)).isEqualTo(0.75);
    }

    @Test
    void tiesCountHalf() {
        // Pairs: (0.5, 0.5) tie 1/2, (0.5, 0.2) win, (0.9, 0.5) win, (0.9, 0.2) win: 3.5 / 4.
        double[] scores = {0.5, 0.5, 0.2, 0.9};
        boolean[] churned = {true, false, false, true};
        assertThat(RocAuc.of(scores, churned)).isEqualTo(0.875);
    }

    @Test
    void allEqualScoresGiveOneHalf() {
        assertThat(RocAuc.of(new double[] {0.3, 0.3, 0.3, 0.3, 0.3}, new boolean[] {true, false, true, false, false}))
                .isEqualTo(0.5);
    }

    @Test
    void perfectRankingGivesOneAndReversedGivesZero() {
        double[] scores = {0.9, 0.8, 0.7, 0.2, 0.1};
        assertThat(RocAuc.of(scores, new boolean[] {true, true, true, false, false})).isEqualTo(1.0);
        assertThat(RocAuc.of(scores, new boolean[] {false, false, false, true, true})).isEqualTo(0.0);
    }

    @Test
    void equalsTheProbabilityOfRankingAChurnerAboveANonChurnerWithManyTies() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50; trial++) {
            int n = 2 + random.nextInt(60);
            double[] scores = new double[n];
            boolean[] churned = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(5) / 4.0;
                churned[i] = random.nextBoolean();
            }
            churned[0] = true;
            churned[1] = false;
            assertThat(RocAuc.of(scores, churned)).as("trial %d", trial)
                    .isCloseTo(pairwise(scores, churned), within(1e-12));
        }
    }

    @Test
    void refusesASingleClass() {
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, 0.2}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocAuc.of(new double[] {0.1}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double pairwise(double[] scores, boolean[] churned) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (churned[i] && !churned[j]) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
