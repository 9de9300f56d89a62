package io.churnwatch.trainer.segments;

import static io.churnwatch.trainer.segments.SegmentFeatures.FREQUENCY;
import static io.churnwatch.trainer.segments.SegmentFeatures.MONETARY;
import static io.churnwatch.trainer.segments.SegmentFeatures.RECENCY;
import static io.churnwatch.trainer.segments.SegmentFeatures.RETURN_RATE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Names segments from what their centroids (in standardised space, see {@link SegmentFeatures}) mean.
 *
 * <p>Two scores per centroid: <i>activity</i> = minus the scaled log-recency (higher = bought more recently) and
 * <i>worth</i> = the mean of scaled log-frequency and scaled log-monetary. Return rate does not affect the four
 * names. The rule for k = 4, applied in this order:
 * <ol>
 *   <li><b>Lost</b>: the lowest activity + worth (long gone, low value);</li>
 *   <li><b>Champions</b>: of the other three, the highest activity + worth (recent, frequent, high value);</li>
 *   <li><b>At-Risk</b>: of the remaining two, the lower activity (lapsing, though worth more than Lost);</li>
 *   <li><b>Loyal</b>: the last one (still buying, worth less than the Champions).</li>
 * </ol>
 * Ties are broken by comparing the centroids coordinate by coordinate, so the result never depends on the order
 * k-means happened to return the clusters in.
 *
 * <p>For k other than 4, each segment gets a descriptive name from its three RFM coordinates, each bucketed at
 * plus or minus half a standard deviation (e.g. "Recent, frequent, high-value"), with ", many returns" added
 * above one standard deviation of return rate; repeated names get a number.
 */
final class SegmentNamer {

    static final String CHAMPIONS = "Champions";
    static final String LOYAL = "Loyal";
    static final String AT_RISK = "At-Risk";
    static final String LOST = "Lost";

    private static final double BUCKET = 0.5;
    private static final Comparator<double[]> BY_COORDINATES = Arrays::compare;

    private SegmentNamer() {
    }

    static List<String> names(double[][] scaledCentroids) {
        return scaledCentroids.length == 4 ? fourNames(scaledCentroids) : descriptiveNames(scaledCentroids);
    }

    static double activity(double[] centroid) {
        return -centroid[RECENCY];
    }

    static double worth(double[] centroid) {
        return (centroid[FREQUENCY] + centroid[MONETARY]) / 2;
    }

    private static List<String> fourNames(double[][] centroids) {
        String[] names = new String[4];
        List<Integer> remaining = new ArrayList<>(List.of(0, 1, 2, 3));
        Comparator<Integer> byOverall = Comparator.<Integer>comparingDouble(
                i -> activity(centroids[i]) + worth(centroids[i])).thenComparing(i -> centroids[i], BY_COORDINATES);
        Comparator<Integer> byActivity = Comparator.<Integer>comparingDouble(i -> activity(centroids[i]))
                .thenComparing(i -> centroids[i], BY_COORDINATES);

        int lost = remaining.stream().min(byOverall).orElseThrow();
        remaining.remove(Integer.valueOf(lost));
        int champions = remaining.stream().max(byOverall).orElseThrow();
        remaining.remove(Integer.valueOf(champions));
        int atRisk = remaining.stream().min(byActivity).orElseThrow();
        remaining.remove(Integer.valueOf(atRisk));
        int loyal = remaining.get(0);

        names[lost] = LOST;
        names[champions] = CHAMPIONS;
        names[atRisk] = AT_RISK;
        names[loyal] = LOYAL;
        return List.of(names);
    }

    private static List<String> descriptiveNames(double[][] centroids) {
        List<String> names = IntStream.range(0, centroids.length).mapToObj(i -> describe(centroids[i])).toList();
        return deduplicate(names, Set.of());
    }

    static String describe(double[] c) {
        String recency = bucket(-c[RECENCY], "Recent", "Mid-recency", "Lapsed");
        String frequency = bucket(c[FREQUENCY], "frequent", "occasional", "rare");
        String monetary = bucket(c[MONETARY], "high-value", "mid-value", "low-value");
        String returns = c[RETURN_RATE] > 2 * BUCKET ? ", many returns" : "";
        return recency + ", " + frequency + ", " + monetary + returns;
    }

    private static String bucket(double value, String high, String middle, String low) {
        return value > BUCKET ? high : value < -BUCKET ? low : middle;
    }

    /** Makes names unique, numbering later repeats and avoiding names already taken elsewhere. */
    static List<String> deduplicate(List<String> names, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        List<String> unique = new ArrayList<>(names.size());
        for (String name : names) {
            String candidate = name;
            for (int n = 2; used.contains(candidate); n++) {
                candidate = name + " " + n;
            }
            used.add(candidate);
            unique.add(candidate);
        }
        return unique;
    }
}
