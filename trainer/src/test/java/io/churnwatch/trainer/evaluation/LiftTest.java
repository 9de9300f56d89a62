package io.churnwatch.trainer.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LiftTest {

    /** 20 customers, 4 churners (base rate 0.2), so the top decile is the top 2. */
    private static double[] descendingScores(int n) {
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 1.0 - i / (double) n;
        }
        return scores;
    }

    @Test
    void bothTopCustomersChurnedGivesFive() {
        boolean[] churned = churnersAt(20, 0, 1, 10, 15);
        assertThat(Lift.topDecile(descendingScores(20), churned)).isCloseTo(1.0 / 0.2, within(1e-12));
    }

    @Test
    void oneOfTheTopTwoChurnedGivesTwoAndAHalf() {
        boolean[] churned = churnersAt(20, 1, 5, 10, 15);
        assertThat(Lift.topDecile(descendingScores(20), churned)).isCloseTo(0.5 / 0.2, within(1e-12));
    }

    @Test
    void aTieAcrossTheCutCountsItsExpectedShare() {
        // Top: 0.9 (churned), then a tie of three at 0.8 with one churner; the cut at 2 takes one of the three.
        double[] scores = new double[20];
        scores[0] = 0.9;
        scores[1] = 0.8;
        scores[2] = 0.8;
        scores[3] = 0.8;
        for (int i = 4; i < 20; i++) {
            scores[i] = 0.5 - i / 100.0;
        }
        boolean[] churned = churnersAt(20, 0, 3, 10, 15);
        double expectedRate = (1 + 1.0 / 3) / 2;
        assertThat(Lift.topDecile(scores, churned)).isCloseTo(expectedRate / 0.2, within(1e-12));
    }

    @Test
    void allEqualScoresGiveOne() {
        double[] scores = new double[20];
        assertThat(Lift.topDecile(scores, churnersAt(20, 0, 1, 10, 15))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theCutRoundsUp() {
        // 25 customers: top 10% is ceil(2.5) = 3; 30 customers: exactly 3, not 4.
        boolean[] churned25 = churnersAt(25, 0, 1, 2, 20, 21);
        assertThat(Lift.topDecile(descendingScores(25), churned25)).isCloseTo(1.0 / (5.0 / 25), within(1e-12));
        boolean[] churned30 = churnersAt(30, 0, 1, 2, 25, 26, 27);
        assertThat(Lift.topDecile(descendingScores(30), churned30)).isCloseTo(1.0 / (6.0 / 30), within(1e-12));
        assertThat(Lift.atTop(descendingScores(30), churned30, 4.0 / 30)).isCloseTo(0.75 / (6.0 / 30), within(1e-12));
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> Lift.atTop(new double[] {1, 2}, new boolean[] {true, false}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lift.topDecile(new double[] {1, 2}, new boolean[] {false, false}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static boolean[] churnersAt(int n, int... positions) {
        boolean[] churned = new boolean[n];
        for (int position : positions) {
            churned[position] = true;
        }
        return churned;
    }
}
