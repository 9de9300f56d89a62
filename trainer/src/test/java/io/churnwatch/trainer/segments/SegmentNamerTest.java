package io.churnwatch.trainer.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentNamerTest {

    // Standardised [log recency, log frequency, log monetary, return rate].
    private static final double[] CHAMPIONS = {-1.2, 1.5, 1.4, 0.0};
    private static final double[] LOYAL = {-0.8, -0.2, -0.3, 0.1};
    private static final double[] AT_RISK = {0.7, 0.6, 0.8, -0.1};
    private static final double[] LOST = {1.3, -1.0, -1.1, 0.0};

    @Test
    void namesTheFourArchetypesWhateverTheirOrder() {
        List<double[]> centroids = new ArrayList<>(List.of(CHAMPIONS, LOYAL, AT_RISK, LOST));
        Random shuffler = new Random(1);
        for (int round = 0; round < 24; round++) {
            Collections.shuffle(centroids, shuffler);
            List<String> names = SegmentNamer.names(centroids.toArray(double[][]::new));
            for (int i = 0; i < 4; i++) {
                assertThat(names.get(i)).isEqualTo(expectedName(centroids.get(i)));
            }
        }
    }

    @Test
    void lapsedButValuableIsAtRiskWhileRecentButModestIsLoyal() {
        // Lost and Champions are the extremes of activity + worth; the middle two split on activity alone,
        // even when the lapsing one is worth more than the recent one.
        double[][] centroids = {{-0.2, 0.1, 0.0, 0}, {-2, 2, 2, 0}, {0.5, 1.9, 1.8, 0}, {2, -2, -2, 0}};
        assertThat(SegmentNamer.names(centroids)).containsExactly("Loyal", "Champions", "At-Risk", "Lost");
    }

    @Test
    void returnRateDoesNotChangeTheFourNames() {
        double[][] plain = {CHAMPIONS, LOYAL, AT_RISK, LOST};
        double[][] returny = {with(CHAMPIONS, 3), with(LOYAL, -2), with(AT_RISK, 0), with(LOST, 5)};
        assertThat(SegmentNamer.names(returny)).isEqualTo(SegmentNamer.names(plain));
    }

    @Test
    void tiesAreBrokenByTheCentroidsNotByTheirOrder() {
        double[] a = {0, 0, 0, 1};
        double[] b = {0, 0, 0, 2};
        double[] c = {0, 0, 0, 3};
        double[] d = {0, 0, 0, 4};
        List<String> forward = SegmentNamer.names(new double[][] {a, b, c, d});
        List<String> backward = SegmentNamer.names(new double[][] {d, c, b, a});
        assertThat(backward).containsExactly(forward.get(3), forward.get(2), forward.get(1), forward.get(0));
        assertThat(Set.copyOf(forward)).containsExactlyInAnyOrder("Champions", "Loyal", "At-Risk", "Lost");
    }

    @Test
    void otherKGetsDescriptiveUniqueNames() {
        double[][] centroids = {{-1, 1, 1, 0}, {1, -1, -1, 1.5}, {0, 0, 0, 0}};
        assertThat(SegmentNamer.names(centroids)).containsExactly(
                "Recent, frequent, high-value", "Lapsed, rare, low-value, many returns",
                "Mid-recency, occasional, mid-value");

        double[][] twins = {{-1, 1, 1, 0}, {-1.1, 1.1, 1.2, 0}, {1, -1, -1, 0}, {0, 0, 0, 0}, {0.1, 0, 0, 0}};
        assertThat(SegmentNamer.names(twins)).containsExactly(
                "Recent, frequent, high-value", "Recent, frequent, high-value 2", "Lapsed, rare, low-value",
                "Mid-recency, occasional, mid-value", "Mid-recency, occasional, mid-value 2");
    }

    private static String expectedName(double[] centroid) {
        if (centroid == CHAMPIONS) {
            return "Champions";
        }
        if (centroid == LOYAL) {
            return "Loyal";
        }
        return centroid == AT_RISK ? "At-Risk" : "Lost";
    }

    private static double[] with(double[] centroid, double returnRate) {
        double[] copy = centroid.clone();
        copy[SegmentFeatures.RETURN_RATE] = returnRate;
        return copy;
    }
}
