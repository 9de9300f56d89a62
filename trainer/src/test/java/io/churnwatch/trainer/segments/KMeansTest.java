package io.churnwatch.trainer.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

    private static final double[][] TRUE_CENTRES = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 20}};

    @Test
    void recoversWellSeparatedBlobs() {
        int perBlob = 200;
        double[][] points = blobs(perBlob, 1L);

        Clustering clustering = KMeans.fit(points, new SegmentTrainingSettings(5, 5, 100, 3L));

        // Every blob lands in exactly one cluster, and no two blobs share one.
        Map<Integer, Integer> clusterOfBlob = new HashMap<>();
        for (int i = 0; i < points.length; i++) {
            int blob = i / perBlob;
            Integer previous = clusterOfBlob.putIfAbsent(blob, clustering.assignment()[i]);
            assertThat(previous == null || previous == clustering.assignment()[i]).as("point %d of blob %d", i, blob)
                    .isTrue();
        }
        assertThat(new HashSet<>(clusterOfBlob.values())).hasSize(TRUE_CENTRES.length);
        for (Map.Entry<Integer, Integer> entry : clusterOfBlob.entrySet()) {
            double[] centre = TRUE_CENTRES[entry.getKey()];
            double[] found = clustering.centroids()[entry.getValue()];
            assertThat(found[0]).isCloseTo(centre[0], within(0.3));
            assertThat(found[1]).isCloseTo(centre[1], within(0.3));
        }
        assertThat(clustering.sizes()).containsOnly(perBlob);
    }

    @Test
    void isDeterministicForASeed() {
        double[][] points = blobs(50, 2L);
        Clustering first = KMeans.fit(points, new SegmentTrainingSettings(4, 3, 100, 11L));
        Clustering second = KMeans.fit(points, new SegmentTrainingSettings(4, 3, 100, 11L));
        assertThat(second.assignment()).isEqualTo(first.assignment());
        assertThat(second.centroids()).isDeepEqualTo(first.centroids());
    }

    @Test
    void keepsTheRestartWithTheLowestInertia() {
        // Four blobs but k = 3: local optima differ, and more restarts can only help.
        double[][] points = blobs(60, 4L);
        double best = KMeans.fit(points, new SegmentTrainingSettings(3, 20, 100, 5L)).inertia();
        SplittableRandom seeds = new SplittableRandom(5L);
        for (int restart = 0; restart < 20; restart++) {
            double[][] start = KMeans.seedCentroids(points, 3, seeds.split());
            assertThat(best).isLessThanOrEqualTo(KMeans.lloyd(points, start, 100).inertia() + 1e-9);
        }
    }

    @Test
    void keepsKClustersEvenWithDuplicatePoints() {
        double[][] points = {{1, 1}, {1, 1}, {1, 1}, {1, 1}, {2, 2}};
        Clustering clustering = KMeans.fit(points, new SegmentTrainingSettings(3, 2, 50, 1L));
        Set<Integer> used = new HashSet<>();
        for (int cluster : clustering.assignment()) {
            used.add(cluster);
        }
        assertThat(used).hasSize(3);
        assertThat(clustering.inertia()).isZero();
    }

    @Test
    void refusesFewerPointsThanClusters() {
        assertThatThrownBy(() -> KMeans.fit(new double[][] {{1}, {2}}, new SegmentTrainingSettings(3, 1, 10, 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[][] blobs(int perBlob, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[TRUE_CENTRES.length * perBlob][];
        for (int b = 0; b < TRUE_CENTRES.length; b++) {
            for (int i = 0; i < perBlob; i++) {
                points[b * perBlob + i] = new double[] {
                    TRUE_CENTRES[b][0] + gaussian(random), TRUE_CENTRES[b][1] + gaussian(random)};
            }
        }
        return points;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
